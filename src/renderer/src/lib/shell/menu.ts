// One command in a toolbar menu.
export interface MenuEntry {
  label: string;
  run: () => void;
  disabled?: boolean;
}

// What every dialog built on Modal is given: whether it is open, and how to ask its owner to close it.
export interface DialogProps {
  open: boolean;
  onclose: () => void;
}

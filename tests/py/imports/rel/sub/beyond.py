from .... import toplevel

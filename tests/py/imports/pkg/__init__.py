from .mod import helper
VALUE = "pkg"

from .. import b as parent_b
SUB = 'sub:' + parent_b.B_VALUE
__all__ = ['SUB', 'deep']

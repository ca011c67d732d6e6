"""The engine's exceptions: each one says what is wrong and where."""


class EngineError(Exception):
    """Base class of every error the engine raises on purpose."""


class UnknownOpError(EngineError, LookupError):
    """An op name that is not in the registry."""


class MathDomainError(EngineError, ValueError, ArithmeticError):
    """An op was asked for a value outside its domain (log of -1, division by zero, exp overflow)."""


class ShapeError(EngineError, ValueError):
    """Operand shapes that cannot be combined."""

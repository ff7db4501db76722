"""The one exception the pipeline raises for bad input."""


class InputError(Exception):
    """Input the checker cannot read: reported as `path:line: message`, exit 2."""

    def __init__(self, message: str, path: str = None, line: int = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def located(self, path: str = None, line: int = None) -> "InputError":
        """The same error with the file (and line, if still unknown) filled in."""
        return InputError(self.message, self.path or path, self.line or line)

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"

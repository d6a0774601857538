"""Vocabularies: I/O characters (strings), I/O integers (lists), and program-token sizes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

PAD = 0
BOS = 1
EOS = 2
PROGRAM_VOCAB_SIZE = 316  # RobustFill (strings)
LISTS_PROGRAM_VOCAB_SIZE = 153  # ExeDec DeepCoder (lists): 8 + 15 ops + 19 lambdas + x0..x9 + ints -50..50
LATENT_RESERVED = 3  # latent codes 0/1/2 are PAD/BOS/EOS

IO_PAD = 0
IO_SEP = 1  # joins several input arguments of one example
IO_UNK = 2  # any character outside printable ASCII
IO_FIRST_CHAR = 3


_tables: dict[str, dict[str, int]] = {}


@dataclass(frozen=True)
class IoVocab:
    """Maps I/O characters to ids: PAD, SEP, UNK, then printable ASCII 32..126."""

    chars: str

    @staticmethod
    def printable_ascii() -> IoVocab:
        return IoVocab("".join(chr(c) for c in range(32, 127)))

    @property
    def size(self) -> int:
        return IO_FIRST_CHAR + len(self.chars)

    def encode(self, text: str) -> list[int]:
        table = _tables.get(self.chars)
        if table is None:
            table = {c: i + IO_FIRST_CHAR for i, c in enumerate(self.chars)}
            _tables[self.chars] = table
        return [table.get(c, IO_UNK) for c in text]

    def encode_inputs(self, inputs: list[str]) -> list[int]:
        ids: list[int] = []
        for i, text in enumerate(inputs):
            if i:
                ids.append(IO_SEP)
            ids.extend(self.encode(text))
        return ids

    def to_json(self) -> dict[str, object]:
        return {
            "pad": IO_PAD,
            "sep": IO_SEP,
            "unk": IO_UNK,
            "first_char_id": IO_FIRST_CHAR,
            "chars": self.chars,
            "size": self.size,
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n")


LISTS_MIN_INT = -50
LISTS_MAX_INT = 50
INT_OPEN = 3
INT_CLOSE = 4
INT_FIRST = 5


@dataclass(frozen=True)
class IntIoVocab:
    """Maps lists-domain values to ids: PAD, SEP, UNK, `[`, `]`, then the ints min..max."""

    min_int: int = LISTS_MIN_INT
    max_int: int = LISTS_MAX_INT

    @property
    def size(self) -> int:
        return INT_FIRST + self.max_int - self.min_int + 1

    def encode_value(self, value: object) -> list[int]:
        """An int -> one id; a list of ints -> `[`, ids, `]`; ints outside the range -> UNK."""
        if isinstance(value, list):
            return [INT_OPEN, *(self._int(v) for v in value), INT_CLOSE]
        return [self._int(value)]

    def _int(self, v: object) -> int:
        if isinstance(v, int) and not isinstance(v, bool) and self.min_int <= v <= self.max_int:
            return INT_FIRST + v - self.min_int
        return IO_UNK

    def encode_values(self, values: list[object]) -> list[int]:
        """Several inputs of one example, SEP between them."""
        ids: list[int] = []
        for i, v in enumerate(values):
            if i:
                ids.append(IO_SEP)
            ids.extend(self.encode_value(v))
        return ids

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "ints",
            "pad": IO_PAD,
            "sep": IO_SEP,
            "unk": IO_UNK,
            "open": INT_OPEN,
            "close": INT_CLOSE,
            "first_int_id": INT_FIRST,
            "min_int": self.min_int,
            "max_int": self.max_int,
            "size": self.size,
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n")


class DomainVocab:
    """The I/O encoding and program-vocabulary size of one program space."""

    def __init__(self, domain: str) -> None:
        if domain not in ("strings", "lists"):
            raise ValueError(f"unknown domain {domain!r} (expected strings or lists)")
        self.domain = domain
        self.chars = IoVocab.printable_ascii()
        self.ints = IntIoVocab()

    @property
    def io_size(self) -> int:
        return self.chars.size if self.domain == "strings" else self.ints.size

    @property
    def program_size(self) -> int:
        return PROGRAM_VOCAB_SIZE if self.domain == "strings" else LISTS_PROGRAM_VOCAB_SIZE

    def encode_inputs(self, values: list[object]) -> list[int]:
        if self.domain == "strings":
            return self.chars.encode_inputs([str(v) for v in values])
        return self.ints.encode_values(values)

    def encode_output(self, value: object) -> list[int]:
        if self.domain == "strings":
            return self.chars.encode(str(value))
        return self.ints.encode_value(value)

    def save(self, path: Path) -> None:
        (self.chars if self.domain == "strings" else self.ints).save(path)

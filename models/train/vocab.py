"""Vocabularies: I/O characters (printable ASCII) and RobustFill program tokens."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

PAD = 0
BOS = 1
EOS = 2
PROGRAM_VOCAB_SIZE = 316
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

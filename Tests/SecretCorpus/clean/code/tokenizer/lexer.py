from dataclasses import dataclass
from enum import Enum, auto


class TokenKind(Enum):
    IDENT = auto()
    NUMBER = auto()
    STRING = auto()
    SECRET_KEYWORD = auto()
    EOF = auto()


@dataclass
class Token:
    kind: TokenKind
    text: str
    pos: int


def tokenize(src: str) -> list[Token]:
    tokens, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(Token(TokenKind.NUMBER, src[i:j], i))
            i = j
        else:
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:max(j, i + 1)]
            kind = TokenKind.SECRET_KEYWORD if word == "secret" else TokenKind.IDENT
            tokens.append(Token(kind, word, i))
            i = max(j, i + 1)
    tokens.append(Token(TokenKind.EOF, "", len(src)))
    return tokens

"""Generate tests/bench/everyday_blind2.jsonl: a second blind set of everyday Python stubs.

Written blind, like everyday_blind.jsonl: without reading docsynth's code, its results or the
other benchmark files, and with none of the first blind set's functions. Each entry is a stub
(signature + docstring with doctest examples, as a programmer would write it), a reference body
that lives only in this script, and the hidden asserts a user would try next. The given tests are
the stub's doctest lines. Before writing, the script runs every reference in CPython and refuses
to write unless each doctest line (repr of the result equals the expected text) and each hidden
assert passes, and every id is unique.

Run: python3 tests/bench/make_blind2.py
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "everyday_blind2.jsonl"

STRINGS = "strings and formatting"
LISTS = "lists and sequences"
NUMBERS = "numbers and arithmetic"
PREDICATES = "predicates and validation"
DICTS = "dicts and records"
PARSING = "parsing"
OPTIONAL = "optional and error-tolerant"
TUPLES = "tuples and multiple returns"


@dataclass(frozen=True)
class Entry:
    category: str
    stub: str
    body: str
    hidden: list[str]
    setup: str = ""


ENTRIES: list[Entry] = []


def add(
    category: str, stub: str, body: str, hidden: list[str], setup: str = ""
) -> None:
    """Register a stub (raw text, dedented) with its reference body and hidden asserts."""
    ENTRIES.append(
        Entry(
            category,
            textwrap.dedent(stub).strip("\n") + "\n",
            textwrap.dedent(body),
            hidden,
            setup,
        )
    )


# ---------------------------------------------------------------- strings and formatting

add(
    STRINGS,
    r'''
    def capitalize_words(text: str) -> str:
        """Capitalize the first letter of every word, leaving the other letters as they are.

        >>> capitalize_words('hello world')
        'Hello World'
        >>> capitalize_words('the iPhone era')
        'The IPhone Era'
        """
    ''',
    """
    return ' '.join(word[:1].upper() + word[1:] for word in text.split(' '))
    """,
    [
        "assert capitalize_words('') == ''",
        "assert capitalize_words('a') == 'A'",
        "assert capitalize_words('already Capitalized') == 'Already Capitalized'",
        "assert capitalize_words('3 blind mice') == '3 Blind Mice'",
        "assert capitalize_words('macOS and iOS apps') == 'MacOS And IOS Apps'",
    ],
)

add(
    STRINGS,
    r'''
    def reverse_words(sentence):
        """Reverse the order of the words in a sentence.

        >>> reverse_words('hello big world')
        'world big hello'
        >>> reverse_words('one')
        'one'
        """
    ''',
    """
    return ' '.join(reversed(sentence.split()))
    """,
    [
        "assert reverse_words('') == ''",
        "assert reverse_words('a b') == 'b a'",
        "assert reverse_words('Hello, world!') == 'world! Hello,'",
        "assert reverse_words('I am here') == 'here am I'",
    ],
)

add(
    STRINGS,
    r'''
    def wrap_in_tag(tag: str, text: str) -> str:
        """Wrap text in an opening and closing HTML tag.

        >>> wrap_in_tag('b', 'bold')
        '<b>bold</b>'
        >>> wrap_in_tag('p', 'Hello there')
        '<p>Hello there</p>'
        """
    ''',
    """
    return f'<{tag}>{text}</{tag}>'
    """,
    [
        "assert wrap_in_tag('em', '') == '<em></em>'",
        "assert wrap_in_tag('h1', 'Title') == '<h1>Title</h1>'",
        "assert wrap_in_tag('li', 'item 1') == '<li>item 1</li>'",
    ],
)

add(
    STRINGS,
    r'''
    def strip_html_tags(html):
        """Remove all HTML tags from a string, keeping the text between them.

        >>> strip_html_tags('<p>Hello <b>world</b></p>')
        'Hello world'
        >>> strip_html_tags('no tags here')
        'no tags here'
        """
    ''',
    r"""
    import re
    return re.sub(r'<[^>]*>', '', html)
    """,
    [
        "assert strip_html_tags('') == ''",
        "assert strip_html_tags('<br/>') == ''",
        "assert strip_html_tags('<a href=\"https://x.com\">link</a> text') == 'link text'",
        "assert strip_html_tags('<ul><li>one</li><li>two</li></ul>') == 'onetwo'",
    ],
)

add(
    STRINGS,
    r'''
    def collapse_whitespace(text: str) -> str:
        r"""Replace every run of spaces, tabs and newlines with a single space and trim the ends.

        >>> collapse_whitespace('  hello   world  ')
        'hello world'
        >>> collapse_whitespace('a\tb\nc')
        'a b c'
        """
    ''',
    """
    return ' '.join(text.split())
    """,
    [
        "assert collapse_whitespace('') == ''",
        "assert collapse_whitespace('   ') == ''",
        "assert collapse_whitespace('one') == 'one'",
        r"assert collapse_whitespace('x \t\n y') == 'x y'",
    ],
)

add(
    STRINGS,
    r'''
    def count_words(text):
        """Count the words in a text, where words are separated by whitespace.

        >>> count_words('the quick brown fox')
        4
        >>> count_words('hello')
        1
        """
    ''',
    """
    return len(text.split())
    """,
    [
        "assert count_words('') == 0",
        "assert count_words('   ') == 0",
        r"assert count_words('one  two\nthree') == 3",
        "assert count_words('Hello, world!') == 2",
    ],
)

add(
    STRINGS,
    r'''
    def longest_word(sentence: str) -> str:
        """Return the longest word in a sentence; if several tie, the first one.

        >>> longest_word('I love programming')
        'programming'
        >>> longest_word('cat dog bird')
        'bird'
        """
    ''',
    """
    best = ''
    for word in sentence.split():
        if len(word) > len(best):
            best = word
    return best
    """,
    [
        "assert longest_word('cat dog') == 'cat'",
        "assert longest_word('a') == 'a'",
        "assert longest_word('elephant is big') == 'elephant'",
        "assert longest_word('the sun and moon') == 'moon'",
    ],
)

add(
    STRINGS,
    r'''
    def pluralize(count: int, word: str) -> str:
        """Format a count with a noun, adding an 's' unless the count is exactly 1.

        >>> pluralize(1, 'apple')
        '1 apple'
        >>> pluralize(3, 'apple')
        '3 apples'
        """
    ''',
    """
    return f'{count} {word}' if count == 1 else f'{count} {word}s'
    """,
    [
        "assert pluralize(0, 'item') == '0 items'",
        "assert pluralize(1, 'file') == '1 file'",
        "assert pluralize(1000, 'user') == '1000 users'",
        "assert pluralize(2, 'comment') == '2 comments'",
    ],
)

add(
    STRINGS,
    r'''
    def mask_email(email):
        """Hide the user name of an email except its first letter, as in 'j***@example.com'.

        >>> mask_email('john@example.com')
        'j***@example.com'
        >>> mask_email('alice.smith@company.org')
        'a***@company.org'
        """
    ''',
    """
    user, domain = email.split('@', 1)
    return f'{user[0]}***@{domain}'
    """,
    [
        "assert mask_email('x@y.com') == 'x***@y.com'",
        "assert mask_email('Bob@Mail.com') == 'B***@Mail.com'",
        "assert mask_email('first.last+tag@sub.domain.co.uk') == 'f***@sub.domain.co.uk'",
    ],
)

add(
    STRINGS,
    r'''
    def kebab_to_title(slug: str) -> str:
        """Turn a hyphenated slug back into a title with each word capitalized.

        >>> kebab_to_title('user-profile-page')
        'User Profile Page'
        >>> kebab_to_title('about')
        'About'
        """
    ''',
    """
    return ' '.join(word.capitalize() for word in slug.split('-'))
    """,
    [
        "assert kebab_to_title('') == ''",
        "assert kebab_to_title('my-first-blog-post') == 'My First Blog Post'",
        "assert kebab_to_title('faq') == 'Faq'",
        "assert kebab_to_title('top-10-tips') == 'Top 10 Tips'",
    ],
)

add(
    STRINGS,
    r'''
    def format_phone(digits):
        """Format a 10-digit US phone number as '(555) 123-4567'.

        >>> format_phone('5551234567')
        '(555) 123-4567'
        >>> format_phone('2125550199')
        '(212) 555-0199'
        """
    ''',
    """
    return f'({digits[:3]}) {digits[3:6]}-{digits[6:]}'
    """,
    [
        "assert format_phone('0000000000') == '(000) 000-0000'",
        "assert format_phone('9876543210') == '(987) 654-3210'",
        "assert format_phone('4155552671') == '(415) 555-2671'",
    ],
)

add(
    STRINGS,
    r'''
    def underline(title: str, char: str = '=') -> str:
        r"""Return the title, a newline, and a line of char as long as the title (a reST heading).

        >>> underline('Title')
        'Title\n====='
        >>> underline('Intro', '-')
        'Intro\n-----'
        """
    ''',
    """
    return title + '\\n' + char * len(title)
    """,
    [
        r"assert underline('') == '\n'",
        r"assert underline('Chapter 1') == 'Chapter 1\n========='",
        r"assert underline('A', '*') == 'A\n*'",
    ],
)

add(
    STRINGS,
    r'''
    def remove_vowels(text):
        """Remove the vowels a, e, i, o and u, in either case, from the text.

        >>> remove_vowels('hello world')
        'hll wrld'
        >>> remove_vowels('AEIOU are vowels')
        ' r vwls'
        """
    ''',
    """
    return ''.join(c for c in text if c.lower() not in 'aeiou')
    """,
    [
        "assert remove_vowels('') == ''",
        "assert remove_vowels('rhythm') == 'rhythm'",
        "assert remove_vowels('Programming') == 'Prgrmmng'",
        "assert remove_vowels('Queue!') == 'Q!'",
    ],
)

add(
    STRINGS,
    r'''
    def caesar_shift(text: str, shift: int) -> str:
        """Shift each letter forward in the alphabet by shift places, wrapping from z to a;
        keep the case and leave other characters alone.

        >>> caesar_shift('abc', 1)
        'bcd'
        >>> caesar_shift('Hello, World!', 3)
        'Khoor, Zruog!'
        """
    ''',
    """
    out = []
    for c in text:
        if 'a' <= c <= 'z':
            out.append(chr((ord(c) - ord('a') + shift) % 26 + ord('a')))
        elif 'A' <= c <= 'Z':
            out.append(chr((ord(c) - ord('A') + shift) % 26 + ord('A')))
        else:
            out.append(c)
    return ''.join(out)
    """,
    [
        "assert caesar_shift('xyz', 3) == 'abc'",
        "assert caesar_shift('', 5) == ''",
        "assert caesar_shift('abc', 26) == 'abc'",
        "assert caesar_shift('Zebra', 1) == 'Afcsb'",
        "assert caesar_shift('bcd', -1) == 'abc'",
    ],
)

add(
    STRINGS,
    r'''
    def csv_quote(value: str) -> str:
        """Quote a value for a CSV file: if it contains a comma, a double quote or a newline,
        wrap it in double quotes and double any quotes inside; otherwise return it unchanged.

        >>> csv_quote('plain')
        'plain'
        >>> csv_quote('Smith, John')
        '"Smith, John"'
        """
    ''',
    """
    if any(c in value for c in ',"\\n'):
        return '"' + value.replace('"', '""') + '"'
    return value
    """,
    [
        "assert csv_quote('') == ''",
        'assert csv_quote(\'say "hi"\') == \'"say ""hi"""\'',
        r"""assert csv_quote('line1\nline2') == '"line1\nline2"'""",
        "assert csv_quote('42') == '42'",
    ],
)

add(
    STRINGS,
    r'''
    def bullet_list(items):
        r"""Format items as a Markdown bullet list, one '- ' item per line.

        >>> bullet_list(['eggs', 'milk'])
        '- eggs\n- milk'
        >>> bullet_list(['one'])
        '- one'
        """
    ''',
    """
    return '\\n'.join('- ' + item for item in items)
    """,
    [
        "assert bullet_list([]) == ''",
        r"assert bullet_list(['a', 'b', 'c']) == '- a\n- b\n- c'",
        r"assert bullet_list(['Buy milk', 'Call mom']) == '- Buy milk\n- Call mom'",
    ],
)

add(
    STRINGS,
    r'''
    def progress_bar(fraction: float, width: int = 10) -> str:
        """Draw a text progress bar like '[###       ]', with round(fraction * width) of the width
        filled with '#' and the rest with spaces.

        >>> progress_bar(0.5)
        '[#####     ]'
        >>> progress_bar(1.0)
        '[##########]'
        """
    ''',
    """
    filled = round(fraction * width)
    return '[' + '#' * filled + ' ' * (width - filled) + ']'
    """,
    [
        "assert progress_bar(0.0) == '[          ]'",
        "assert progress_bar(0.25, 4) == '[#   ]'",
        "assert progress_bar(0.3, 20) == '[######              ]'",
        "assert progress_bar(0.75, 8) == '[######  ]'",
    ],
)

add(
    STRINGS,
    r'''
    def first_sentence(text):
        """Return the first sentence of the text, up to and including the first '.', '!' or '?',
        without surrounding spaces; if there is no such mark, return the whole text stripped.

        >>> first_sentence('Hello there. How are you?')
        'Hello there.'
        >>> first_sentence('Wow! That is great.')
        'Wow!'
        """
    ''',
    r"""
    import re
    match = re.search(r'[.!?]', text)
    return (text[:match.end()] if match else text).strip()
    """,
    [
        "assert first_sentence('No punctuation here') == 'No punctuation here'",
        "assert first_sentence('') == ''",
        "assert first_sentence('Is it done? Yes.') == 'Is it done?'",
        "assert first_sentence('  Leading space. Next.') == 'Leading space.'",
    ],
)

add(
    STRINGS,
    r'''
    def indent_lines(text: str, spaces: int = 4) -> str:
        r"""Indent every line of the text by the given number of spaces.

        >>> indent_lines('a\nb')
        '    a\n    b'
        >>> indent_lines('x = 1', 2)
        '  x = 1'
        """
    ''',
    """
    return '\\n'.join(' ' * spaces + line for line in text.split('\\n'))
    """,
    [
        "assert indent_lines('line', 0) == 'line'",
        r"assert indent_lines('one\ntwo\nthree', 1) == ' one\n two\n three'",
        r"assert indent_lines('if x:\n    y', 4) == '    if x:\n        y'",
    ],
)

add(
    STRINGS,
    r'''
    def rgb_to_hex(r: int, g: int, b: int) -> str:
        """Convert red, green and blue values (0-255) to a lowercase hex color like '#ff8000'.

        >>> rgb_to_hex(255, 128, 0)
        '#ff8000'
        >>> rgb_to_hex(0, 0, 0)
        '#000000'
        """
    ''',
    """
    return f'#{r:02x}{g:02x}{b:02x}'
    """,
    [
        "assert rgb_to_hex(255, 255, 255) == '#ffffff'",
        "assert rgb_to_hex(1, 2, 3) == '#010203'",
        "assert rgb_to_hex(16, 32, 48) == '#102030'",
        "assert rgb_to_hex(173, 216, 230) == '#add8e6'",
    ],
)

add(
    STRINGS,
    r'''
    def redact_digits(text):
        """Replace every digit in the text with '#', for hiding account numbers in logs.

        >>> redact_digits('Card 4111 ends 1111')
        'Card #### ends ####'
        >>> redact_digits('no numbers')
        'no numbers'
        """
    ''',
    """
    return ''.join('#' if c.isdigit() else c for c in text)
    """,
    [
        "assert redact_digits('') == ''",
        "assert redact_digits('pin: 0042') == 'pin: ####'",
        "assert redact_digits('v2.0') == 'v#.#'",
        "assert redact_digits('Call 555-0199 now') == 'Call ###-#### now'",
    ],
)

add(
    STRINGS,
    r'''
    def escape_html(text: str) -> str:
        """Escape the characters &, <, > and " for safe use in HTML.

        >>> escape_html('<b>Tom & Jerry</b>')
        '&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;'
        >>> escape_html('plain text')
        'plain text'
        """
    ''',
    """
    return (
        text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
    )
    """,
    [
        "assert escape_html('') == ''",
        "assert escape_html('say \"hi\"') == 'say &quot;hi&quot;'",
        "assert escape_html('&amp;') == '&amp;amp;'",
        "assert escape_html('a < b > c') == 'a &lt; b &gt; c'",
        'assert escape_html("it\'s fine") == "it\'s fine"',
    ],
)

add(
    STRINGS,
    r'''
    def strip_accents(text):
        """Remove accents from letters, so 'café' becomes 'cafe'.

        >>> strip_accents('café')
        'cafe'
        >>> strip_accents('naïve résumé')
        'naive resume'
        """
    ''',
    """
    import unicodedata
    decomposed = unicodedata.normalize('NFKD', text)
    return ''.join(c for c in decomposed if not unicodedata.combining(c))
    """,
    [
        "assert strip_accents('') == ''",
        "assert strip_accents('hello') == 'hello'",
        "assert strip_accents('São Paulo') == 'Sao Paulo'",
        "assert strip_accents('Crème Brûlée') == 'Creme Brulee'",
        "assert strip_accents('Ångström') == 'Angstrom'",
    ],
)

add(
    STRINGS,
    r'''
    def domain_from_url(url: str) -> str:
        """Extract the host name from a URL, without the scheme, port, path or a leading 'www.'.

        >>> domain_from_url('https://www.example.com/path')
        'example.com'
        >>> domain_from_url('http://blog.site.org')
        'blog.site.org'
        """
    ''',
    """
    host = url.split('://', 1)[-1]
    for sep in '/?#:':
        host = host.split(sep, 1)[0]
    return host.removeprefix('www.')
    """,
    [
        "assert domain_from_url('https://example.com:8080/a?b=c') == 'example.com'",
        "assert domain_from_url('ftp://files.server.net/pub/file.txt') == 'files.server.net'",
        "assert domain_from_url('https://www.shop.co.uk/?q=1') == 'shop.co.uk'",
        "assert domain_from_url('https://api.github.com/repos') == 'api.github.com'",
    ],
)

add(
    STRINGS,
    r'''
    def with_commas(n: int) -> str:
        """Format an integer with commas as thousands separators.

        >>> with_commas(1234567)
        '1,234,567'
        >>> with_commas(999)
        '999'
        """
    ''',
    """
    return f'{n:,}'
    """,
    [
        "assert with_commas(0) == '0'",
        "assert with_commas(-1234) == '-1,234'",
        "assert with_commas(1000) == '1,000'",
        "assert with_commas(10**9) == '1,000,000,000'",
    ],
)

# ---------------------------------------------------------------- lists and sequences

add(
    LISTS,
    r'''
    def unique_in_order(items):
        """Remove duplicates from a list, keeping the first occurrence of each item in order.

        >>> unique_in_order([3, 1, 3, 2, 1])
        [3, 1, 2]
        >>> unique_in_order(['a', 'b', 'a'])
        ['a', 'b']
        """
    ''',
    """
    seen = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
    """,
    [
        "assert unique_in_order([]) == []",
        "assert unique_in_order([1, 1, 1]) == [1]",
        "assert unique_in_order(['B', 'b', 'B']) == ['B', 'b']",
        "assert unique_in_order([5, 4, 3]) == [5, 4, 3]",
    ],
)

add(
    LISTS,
    r'''
    def tail(lines: list[str], n: int) -> list[str]:
        """Return the last n lines, like the Unix tail command.

        >>> tail(['a', 'b', 'c', 'd'], 2)
        ['c', 'd']
        >>> tail(['a', 'b'], 5)
        ['a', 'b']
        """
    ''',
    """
    return lines[len(lines) - n:] if n > 0 else []
    """,
    [
        "assert tail(['a', 'b', 'c'], 0) == []",
        "assert tail([], 3) == []",
        "assert tail(['x', 'y', 'z'], 1) == ['z']",
        "assert tail(['x', 'y', 'z'], 3) == ['x', 'y', 'z']",
    ],
)

add(
    LISTS,
    r'''
    def moving_average(values: list[float], window: int) -> list[float]:
        """Return the average of each run of `window` consecutive values.

        >>> moving_average([1, 2, 3, 4, 5], 3)
        [2.0, 3.0, 4.0]
        >>> moving_average([10, 20], 2)
        [15.0]
        """
    ''',
    """
    return [sum(values[i:i + window]) / window for i in range(len(values) - window + 1)]
    """,
    [
        "assert moving_average([1, 2, 3], 1) == [1.0, 2.0, 3.0]",
        "assert moving_average([1, 2], 3) == []",
        "assert moving_average([2, 4, 6, 8], 2) == [3.0, 5.0, 7.0]",
        "assert moving_average([5, 5, 5, 5], 4) == [5.0]",
    ],
)

add(
    LISTS,
    r'''
    def adjacent_pairs(items):
        """Return each item paired with the one after it, as a list of tuples.

        >>> adjacent_pairs([1, 2, 3])
        [(1, 2), (2, 3)]
        >>> adjacent_pairs(['a', 'b'])
        [('a', 'b')]
        """
    ''',
    """
    return list(zip(items, items[1:]))
    """,
    [
        "assert adjacent_pairs([]) == []",
        "assert adjacent_pairs([1]) == []",
        "assert adjacent_pairs(['x', 'y', 'z', 'w']) == [('x', 'y'), ('y', 'z'), ('z', 'w')]",
        "assert adjacent_pairs([5, 5]) == [(5, 5)]",
    ],
)

add(
    LISTS,
    r'''
    def second_largest(numbers: list[int]) -> int:
        """Return the second largest distinct number in the list.

        >>> second_largest([3, 7, 5])
        5
        >>> second_largest([10, 10, 9])
        9
        """
    ''',
    """
    return sorted(set(numbers))[-2]
    """,
    [
        "assert second_largest([1, 2]) == 1",
        "assert second_largest([-5, -1, -3]) == -3",
        "assert second_largest([4, 4, 4, 2]) == 2",
        "assert second_largest([100, 50, 100, 75]) == 75",
    ],
)

add(
    LISTS,
    r'''
    def merge_sorted(a, b):
        """Merge two sorted lists into one sorted list.

        >>> merge_sorted([1, 4, 7], [2, 3, 8])
        [1, 2, 3, 4, 7, 8]
        >>> merge_sorted([], [1, 2])
        [1, 2]
        """
    ''',
    """
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]
    """,
    [
        "assert merge_sorted([], []) == []",
        "assert merge_sorted([1, 1], [1]) == [1, 1, 1]",
        "assert merge_sorted([5], [1, 2, 3]) == [1, 2, 3, 5]",
        "assert merge_sorted([-3, 0], [-2, 10]) == [-3, -2, 0, 10]",
    ],
)

add(
    LISTS,
    r'''
    def count_above(values: list[float], threshold: float) -> int:
        """Count how many values are strictly greater than the threshold.

        >>> count_above([1, 5, 10, 15], 5)
        2
        >>> count_above([98.6, 101.2, 99.5], 99.0)
        2
        """
    ''',
    """
    return sum(1 for v in values if v > threshold)
    """,
    [
        "assert count_above([], 0) == 0",
        "assert count_above([1, 2, 3], 3) == 0",
        "assert count_above([-1, -2, 0], -1.5) == 2",
        "assert count_above([7, 7, 7], 6) == 3",
    ],
)

add(
    LISTS,
    r'''
    def sorted_by_length(words):
        """Sort words by length, shortest first, keeping the original order of equal-length words.

        >>> sorted_by_length(['banana', 'fig', 'apple'])
        ['fig', 'apple', 'banana']
        >>> sorted_by_length(['bb', 'a', 'cc'])
        ['a', 'bb', 'cc']
        """
    ''',
    """
    return sorted(words, key=len)
    """,
    [
        "assert sorted_by_length([]) == []",
        "assert sorted_by_length(['dog', 'cat', 'ant']) == ['dog', 'cat', 'ant']",
        "assert sorted_by_length(['ccc', 'bb', 'a']) == ['a', 'bb', 'ccc']",
        "assert sorted_by_length(['pear', 'kiwi', 'fig']) == ['fig', 'pear', 'kiwi']",
    ],
)

add(
    LISTS,
    r'''
    def find_duplicates(items: list[str]) -> list[str]:
        """Return the items that appear more than once, each listed once, in sorted order.

        >>> find_duplicates(['a', 'b', 'a', 'c', 'b'])
        ['a', 'b']
        >>> find_duplicates(['x', 'y'])
        []
        """
    ''',
    """
    from collections import Counter
    return sorted(item for item, n in Counter(items).items() if n > 1)
    """,
    [
        "assert find_duplicates([]) == []",
        "assert find_duplicates(['z', 'z', 'z']) == ['z']",
        "assert find_duplicates(['b', 'a', 'b', 'a']) == ['a', 'b']",
        "assert find_duplicates(['Apple', 'apple']) == []",
    ],
)

add(
    LISTS,
    r'''
    def transpose(matrix: list[list[int]]) -> list[list[int]]:
        """Swap the rows and columns of a matrix given as a list of rows.

        >>> transpose([[1, 2, 3], [4, 5, 6]])
        [[1, 4], [2, 5], [3, 6]]
        >>> transpose([[1, 2], [3, 4]])
        [[1, 3], [2, 4]]
        """
    ''',
    """
    return [list(column) for column in zip(*matrix)]
    """,
    [
        "assert transpose([]) == []",
        "assert transpose([[1]]) == [[1]]",
        "assert transpose([[1, 2, 3]]) == [[1], [2], [3]]",
        "assert transpose([[1], [2]]) == [[1, 2]]",
    ],
)

add(
    LISTS,
    r'''
    def largest_n(numbers, n):
        """Return the n largest numbers, biggest first.

        >>> largest_n([5, 1, 9, 3, 7], 3)
        [9, 7, 5]
        >>> largest_n([4, 2], 1)
        [4]
        """
    ''',
    """
    return sorted(numbers, reverse=True)[:n]
    """,
    [
        "assert largest_n([], 2) == []",
        "assert largest_n([1, 2], 5) == [2, 1]",
        "assert largest_n([3, 3, 1], 2) == [3, 3]",
        "assert largest_n([-1, -5, -3], 2) == [-1, -3]",
        "assert largest_n([1, 2, 3], 0) == []",
    ],
)

add(
    LISTS,
    r'''
    def longest_streak(results: list[bool]) -> int:
        """Return the length of the longest run of consecutive wins (True values).

        >>> longest_streak([True, True, False, True])
        2
        >>> longest_streak([False, False])
        0
        """
    ''',
    """
    best = current = 0
    for won in results:
        current = current + 1 if won else 0
        best = max(best, current)
    return best
    """,
    [
        "assert longest_streak([]) == 0",
        "assert longest_streak([True]) == 1",
        "assert longest_streak([True, False, True, True, True, False]) == 3",
        "assert longest_streak([True] * 5) == 5",
    ],
)

add(
    LISTS,
    r'''
    def index_of_max(values):
        """Return the position of the largest value; on a tie, the first such position.

        >>> index_of_max([3, 9, 2])
        1
        >>> index_of_max([5, 5, 1])
        0
        """
    ''',
    """
    return values.index(max(values))
    """,
    [
        "assert index_of_max([7]) == 0",
        "assert index_of_max([-3, -1, -2]) == 1",
        "assert index_of_max([1, 2, 3, 3]) == 2",
        "assert index_of_max([0.5, 2.5, 1.5]) == 1",
    ],
)

add(
    LISTS,
    r'''
    def every_nth(items: list, n: int) -> list:
        """Return every nth item, starting with the nth (so n=2 gives the 2nd, 4th, ... items).

        >>> every_nth([1, 2, 3, 4, 5, 6], 2)
        [2, 4, 6]
        >>> every_nth(['a', 'b', 'c', 'd', 'e'], 3)
        ['c']
        """
    ''',
    """
    return items[n - 1::n]
    """,
    [
        "assert every_nth([], 2) == []",
        "assert every_nth([1, 2, 3], 1) == [1, 2, 3]",
        "assert every_nth([1, 2], 3) == []",
        "assert every_nth(list(range(1, 11)), 5) == [5, 10]",
    ],
)

add(
    LISTS,
    r'''
    def move_to_front(items, value):
        """Return a new list with the first occurrence of value moved to the front;
        if value is not in the list, return a copy unchanged.

        >>> move_to_front(['a', 'b', 'c'], 'c')
        ['c', 'a', 'b']
        >>> move_to_front([1, 2, 3], 4)
        [1, 2, 3]
        """
    ''',
    """
    if value not in items:
        return list(items)
    i = items.index(value)
    return [items[i]] + items[:i] + items[i + 1:]
    """,
    [
        "assert move_to_front([], 'x') == []",
        "assert move_to_front(['a', 'b'], 'a') == ['a', 'b']",
        "assert move_to_front([1, 2, 1, 3], 1) == [1, 2, 1, 3]",
        "assert move_to_front([1, 2, 3, 2], 2) == [2, 1, 3, 2]",
    ],
)

# ---------------------------------------------------------------- numbers and arithmetic

add(
    NUMBERS,
    r'''
    def celsius_to_fahrenheit(celsius: float) -> float:
        """Convert a temperature from Celsius to Fahrenheit.

        >>> celsius_to_fahrenheit(0)
        32.0
        >>> celsius_to_fahrenheit(100)
        212.0
        """
    ''',
    """
    return celsius * 9 / 5 + 32
    """,
    [
        "assert celsius_to_fahrenheit(-40) == -40.0",
        "assert abs(celsius_to_fahrenheit(37) - 98.6) < 1e-9",
        "assert celsius_to_fahrenheit(25) == 77.0",
        "assert celsius_to_fahrenheit(-10) == 14.0",
    ],
)

add(
    NUMBERS,
    r'''
    def km_to_miles(km):
        """Convert kilometres to miles (1 mile = 1.609344 km), rounded to 2 decimals.

        >>> km_to_miles(10)
        6.21
        >>> km_to_miles(42.195)
        26.22
        """
    ''',
    """
    return round(km / 1.609344, 2)
    """,
    [
        "assert km_to_miles(0) == 0.0",
        "assert km_to_miles(1.609344) == 1.0",
        "assert km_to_miles(5) == 3.11",
        "assert km_to_miles(100) == 62.14",
    ],
)

add(
    NUMBERS,
    r'''
    def bmi(weight_kg: float, height_m: float) -> float:
        """Compute the body mass index (weight divided by height squared), rounded to one decimal.

        >>> bmi(70, 1.75)
        22.9
        >>> bmi(90, 1.8)
        27.8
        """
    ''',
    """
    return round(weight_kg / height_m ** 2, 1)
    """,
    [
        "assert bmi(50, 1.6) == 19.5",
        "assert bmi(100, 2.0) == 25.0",
        "assert bmi(60.5, 1.65) == 22.2",
    ],
)

add(
    NUMBERS,
    r'''
    def tip_amount(bill, percent):
        """Return the tip for a bill at the given percentage, rounded to cents.

        >>> tip_amount(50, 20)
        10.0
        >>> tip_amount(33.40, 18)
        6.01
        """
    ''',
    """
    return round(bill * percent / 100, 2)
    """,
    [
        "assert tip_amount(0, 20) == 0.0",
        "assert tip_amount(100, 0) == 0.0",
        "assert tip_amount(19.99, 15) == 3.0",
        "assert tip_amount(120, 12.5) == 15.0",
    ],
)

add(
    NUMBERS,
    r'''
    def average(numbers: list[float]) -> float:
        """Return the mean of the numbers, or 0.0 for an empty list.

        >>> average([1, 2, 3, 4])
        2.5
        >>> average([])
        0.0
        """
    ''',
    """
    return sum(numbers) / len(numbers) if numbers else 0.0
    """,
    [
        "assert average([5]) == 5.0",
        "assert average([-1, 1]) == 0.0",
        "assert average([0.5, 1.5]) == 1.0",
        "assert average([10, 20, 30]) == 20.0",
    ],
)

add(
    NUMBERS,
    r'''
    def clamp(value, low, high):
        """Limit a value to the range from low to high.

        >>> clamp(15, 0, 10)
        10
        >>> clamp(5, 0, 10)
        5
        """
    ''',
    """
    return max(low, min(value, high))
    """,
    [
        "assert clamp(-3, 0, 10) == 0",
        "assert clamp(10, 0, 10) == 10",
        "assert clamp(0.5, 0.0, 1.0) == 0.5",
        "assert clamp(-20, -10, -5) == -10",
    ],
)

add(
    NUMBERS,
    r'''
    def monthly_payment(principal: float, annual_rate: float, years: int) -> float:
        """Return the fixed monthly payment of a loan whose annual interest rate is given in
        percent, rounded to cents.

        >>> monthly_payment(200000, 6, 30)
        1199.1
        >>> monthly_payment(10000, 5, 5)
        188.71
        """
    ''',
    """
    months = years * 12
    if annual_rate == 0:
        return round(principal / months, 2)
    rate = annual_rate / 100 / 12
    return round(principal * rate / (1 - (1 + rate) ** -months), 2)
    """,
    [
        "assert monthly_payment(12000, 0, 1) == 1000.0",
        "assert monthly_payment(300000, 4.5, 15) == 2294.98",
        "assert monthly_payment(5000, 12, 2) == 235.37",
        "assert monthly_payment(25000, 3.9, 6) == 389.99",
    ],
)

add(
    NUMBERS,
    r'''
    def to_cents(amount: float) -> int:
        """Convert a dollar amount to a whole number of cents.

        >>> to_cents(19.99)
        1999
        >>> to_cents(5)
        500
        """
    ''',
    """
    return round(amount * 100)
    """,
    [
        "assert to_cents(0) == 0",
        "assert to_cents(0.29) == 29",
        "assert to_cents(4.35) == 435",
        "assert to_cents(1234.56) == 123456",
        "assert to_cents(0.1) == 10",
    ],
)

add(
    NUMBERS,
    r'''
    def percent_of(part, whole):
        """Return part as a percentage of whole, rounded to one decimal; 0.0 when whole is 0.

        >>> percent_of(25, 200)
        12.5
        >>> percent_of(1, 3)
        33.3
        """
    ''',
    """
    if whole == 0:
        return 0.0
    return round(part / whole * 100, 1)
    """,
    [
        "assert percent_of(0, 50) == 0.0",
        "assert percent_of(5, 0) == 0.0",
        "assert percent_of(50, 50) == 100.0",
        "assert percent_of(150, 100) == 150.0",
        "assert percent_of(2, 3) == 66.7",
    ],
)

add(
    NUMBERS,
    r'''
    def round_half_up(x: float) -> int:
        """Round to the nearest whole number, with halves always rounding up (2.5 gives 3,
        unlike round()).

        >>> round_half_up(2.5)
        3
        >>> round_half_up(2.4)
        2
        """
    ''',
    """
    import math
    return math.floor(x + 0.5)
    """,
    [
        "assert round_half_up(0.5) == 1",
        "assert round_half_up(3.5) == 4",
        "assert round_half_up(7.0) == 7",
        "assert round_half_up(1.49) == 1",
        "assert round_half_up(10.51) == 11",
    ],
)

add(
    NUMBERS,
    r'''
    def average_speed(distance_km, minutes):
        """Return the average speed in km/h for a distance covered in the given number of
        minutes, rounded to one decimal.

        >>> average_speed(10, 60)
        10.0
        >>> average_speed(5, 25)
        12.0
        """
    ''',
    """
    return round(distance_km / (minutes / 60), 1)
    """,
    [
        "assert average_speed(42.195, 180) == 14.1",
        "assert average_speed(0, 30) == 0.0",
        "assert average_speed(100, 45) == 133.3",
        "assert average_speed(1.5, 6) == 15.0",
    ],
)

add(
    NUMBERS,
    r'''
    def kinetic_energy(mass_kg: float, velocity_ms: float) -> float:
        """Return the kinetic energy in joules: one half of mass times velocity squared.

        >>> kinetic_energy(2, 3)
        9.0
        >>> kinetic_energy(1000, 20)
        200000.0
        """
    ''',
    """
    return 0.5 * mass_kg * velocity_ms ** 2
    """,
    [
        "assert kinetic_energy(0, 10) == 0.0",
        "assert kinetic_energy(5, 0) == 0.0",
        "assert kinetic_energy(2, -3) == 9.0",
        "assert kinetic_energy(0.5, 4) == 4.0",
    ],
)

add(
    NUMBERS,
    r'''
    def level_for_xp(xp: int) -> int:
        """Return a player's level: players start at level 1 and gain a level for every 100 XP.

        >>> level_for_xp(0)
        1
        >>> level_for_xp(250)
        3
        """
    ''',
    """
    return xp // 100 + 1
    """,
    [
        "assert level_for_xp(99) == 1",
        "assert level_for_xp(100) == 2",
        "assert level_for_xp(199) == 2",
        "assert level_for_xp(1000) == 11",
    ],
)

add(
    NUMBERS,
    r'''
    def pages_needed(total_items, per_page):
        """Return how many pages are needed to show all items with per_page items on a page.

        >>> pages_needed(25, 10)
        3
        >>> pages_needed(20, 10)
        2
        """
    ''',
    """
    return -(-total_items // per_page)
    """,
    [
        "assert pages_needed(0, 10) == 0",
        "assert pages_needed(1, 10) == 1",
        "assert pages_needed(10, 1) == 10",
        "assert pages_needed(101, 50) == 3",
    ],
)

add(
    NUMBERS,
    r'''
    def fibonacci(n: int) -> int:
        """Return the nth Fibonacci number, where fibonacci(0) is 0 and fibonacci(1) is 1.

        >>> fibonacci(10)
        55
        >>> fibonacci(1)
        1
        """
    ''',
    """
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
    """,
    [
        "assert fibonacci(0) == 0",
        "assert fibonacci(2) == 1",
        "assert fibonacci(20) == 6765",
        "assert fibonacci(50) == 12586269025",
    ],
)

# ---------------------------------------------------------------- predicates and validation

add(
    PREDICATES,
    r'''
    def is_even(n: int) -> bool:
        """Return True if n is even.

        >>> is_even(4)
        True
        >>> is_even(7)
        False
        """
    ''',
    """
    return n % 2 == 0
    """,
    [
        "assert is_even(0) == True",
        "assert is_even(-2) == True",
        "assert is_even(-3) == False",
        "assert is_even(10**12 + 1) == False",
    ],
)

add(
    PREDICATES,
    r'''
    def is_palindrome(text):
        """Check whether the text reads the same backwards, ignoring case, spaces and punctuation.

        >>> is_palindrome('racecar')
        True
        >>> is_palindrome('A man, a plan, a canal: Panama')
        True
        >>> is_palindrome('hello')
        False
        """
    ''',
    """
    chars = [c.lower() for c in text if c.isalnum()]
    return chars == chars[::-1]
    """,
    [
        "assert is_palindrome('') == True",
        "assert is_palindrome('Was it a car or a cat I saw?') == True",
        "assert is_palindrome('ab') == False",
        "assert is_palindrome('No lemon, no melon') == True",
        "assert is_palindrome('12321') == True",
    ],
)

add(
    PREDICATES,
    r'''
    def is_leap_year(year: int) -> bool:
        """Return True for leap years in the Gregorian calendar.

        >>> is_leap_year(2024)
        True
        >>> is_leap_year(2023)
        False
        """
    ''',
    """
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    """,
    [
        "assert is_leap_year(1900) == False",
        "assert is_leap_year(2000) == True",
        "assert is_leap_year(2100) == False",
        "assert is_leap_year(1996) == True",
    ],
)

add(
    PREDICATES,
    r'''
    def is_prime(n):
        """Return True if n is a prime number.

        >>> is_prime(7)
        True
        >>> is_prime(10)
        False
        """
    ''',
    """
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
    """,
    [
        "assert is_prime(0) == False",
        "assert is_prime(1) == False",
        "assert is_prime(2) == True",
        "assert is_prime(91) == False",
        "assert is_prime(7919) == True",
    ],
)

add(
    PREDICATES,
    r'''
    def is_valid_username(name: str) -> bool:
        """A username is valid if it is 3 to 16 characters long, starts with a letter and
        contains only letters, digits and underscores.

        >>> is_valid_username('alice_99')
        True
        >>> is_valid_username('9lives')
        False
        """
    ''',
    r"""
    import re
    return re.fullmatch(r'[A-Za-z][A-Za-z0-9_]{2,15}', name) is not None
    """,
    [
        "assert is_valid_username('ab') == False",
        "assert is_valid_username('abc') == True",
        "assert is_valid_username('a' * 16) == True",
        "assert is_valid_username('a' * 17) == False",
        "assert is_valid_username('john.doe') == False",
    ],
)

add(
    PREDICATES,
    r'''
    def is_sorted(values):
        """Return True if the values are in non-decreasing order.

        >>> is_sorted([1, 2, 2, 5])
        True
        >>> is_sorted([3, 1, 2])
        False
        """
    ''',
    """
    return all(a <= b for a, b in zip(values, values[1:]))
    """,
    [
        "assert is_sorted([]) == True",
        "assert is_sorted([1]) == True",
        "assert is_sorted([5, 4]) == False",
        "assert is_sorted(['apple', 'banana']) == True",
        "assert is_sorted([1, 2, 3, 2]) == False",
    ],
)

add(
    PREDICATES,
    r'''
    def has_duplicates(items: list) -> bool:
        """Return True if any item appears more than once.

        >>> has_duplicates([1, 2, 3, 1])
        True
        >>> has_duplicates(['a', 'b'])
        False
        """
    ''',
    """
    return len(set(items)) != len(items)
    """,
    [
        "assert has_duplicates([]) == False",
        "assert has_duplicates([1]) == False",
        "assert has_duplicates(['a', 'A']) == False",
        "assert has_duplicates([0, 0]) == True",
    ],
)

add(
    PREDICATES,
    r'''
    def luhn_valid(card_number: str) -> bool:
        """Check a credit card number with the Luhn checksum; spaces are ignored.

        >>> luhn_valid('4539 1488 0343 6467')
        True
        >>> luhn_valid('8273 1232 7352 0569')
        False
        """
    ''',
    """
    digits = [int(c) for c in card_number if c != ' ']
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
    """,
    [
        "assert luhn_valid('4111111111111111') == True",
        "assert luhn_valid('4111111111111112') == False",
        "assert luhn_valid('79927398713') == True",
        "assert luhn_valid('3782 822463 10005') == True",
    ],
)

add(
    PREDICATES,
    r'''
    def is_pangram(sentence):
        """Return True if the sentence uses every letter of the English alphabet at least once,
        in any case.

        >>> is_pangram('The quick brown fox jumps over the lazy dog')
        True
        >>> is_pangram('Hello world')
        False
        """
    ''',
    """
    import string
    return set(string.ascii_lowercase) <= set(sentence.lower())
    """,
    [
        "assert is_pangram('') == False",
        "assert is_pangram('ABCDEFGHIJKLMNOPQRSTUVWXYZ') == True",
        "assert is_pangram('Pack my box with five dozen liquor jugs.') == True",
        "assert is_pangram('abcdefghijklmnopqrstuvwxy') == False",
    ],
)

add(
    PREDICATES,
    r'''
    def is_shouting(message: str) -> bool:
        """A chat message is shouting if it has at least one letter and no lowercase letters.

        >>> is_shouting('STOP THAT!')
        True
        >>> is_shouting('Hello there')
        False
        """
    ''',
    """
    return any(c.isalpha() for c in message) and not any(c.islower() for c in message)
    """,
    [
        "assert is_shouting('123') == False",
        "assert is_shouting('') == False",
        "assert is_shouting('OK') == True",
        "assert is_shouting('I AM fine') == False",
        "assert is_shouting('GO 2024') == True",
    ],
)

add(
    PREDICATES,
    r'''
    def is_valid_time(text):
        """Return True if text is a 24-hour time in 'HH:MM' format, from '00:00' to '23:59'.

        >>> is_valid_time('09:30')
        True
        >>> is_valid_time('24:00')
        False
        """
    ''',
    r"""
    import re
    return re.fullmatch(r'([01][0-9]|2[0-3]):[0-5][0-9]', text) is not None
    """,
    [
        "assert is_valid_time('23:59') == True",
        "assert is_valid_time('00:00') == True",
        "assert is_valid_time('12:60') == False",
        "assert is_valid_time('9:30') == False",
        "assert is_valid_time('ab:cd') == False",
    ],
)

add(
    PREDICATES,
    r'''
    def is_balanced(text: str) -> bool:
        """Return True if every bracket (), [] and {} in the text is properly opened and closed.

        >>> is_balanced('(a[b]{c})')
        True
        >>> is_balanced('(]')
        False
        """
    ''',
    """
    pairs = {')': '(', ']': '[', '}': '{'}
    stack = []
    for c in text:
        if c in '([{':
            stack.append(c)
        elif c in pairs:
            if not stack or stack.pop() != pairs[c]:
                return False
    return not stack
    """,
    [
        "assert is_balanced('') == True",
        "assert is_balanced('no brackets') == True",
        "assert is_balanced('((') == False",
        "assert is_balanced(')(') == False",
        "assert is_balanced('f(x) = [1, 2') == False",
    ],
)

# ---------------------------------------------------------------- dicts and records

add(
    DICTS,
    r'''
    def char_frequency(text: str) -> dict[str, int]:
        """Count how often each character occurs in the text, ignoring spaces.

        >>> char_frequency('hello')
        {'h': 1, 'e': 1, 'l': 2, 'o': 1}
        >>> char_frequency('a b a')
        {'a': 2, 'b': 1}
        """
    ''',
    """
    counts = {}
    for c in text:
        if c != ' ':
            counts[c] = counts.get(c, 0) + 1
    return counts
    """,
    [
        "assert char_frequency('') == {}",
        "assert char_frequency('Aa') == {'A': 1, 'a': 1}",
        "assert char_frequency('   ') == {}",
        "assert char_frequency('!!?') == {'!': 2, '?': 1}",
    ],
)

add(
    DICTS,
    r'''
    def invert_dict(mapping):
        """Swap the keys and values of a dictionary.

        >>> invert_dict({'a': 1, 'b': 2})
        {1: 'a', 2: 'b'}
        >>> invert_dict({'red': '#f00'})
        {'#f00': 'red'}
        """
    ''',
    """
    return {value: key for key, value in mapping.items()}
    """,
    [
        "assert invert_dict({}) == {}",
        "assert invert_dict({1: 'one', 2: 'two'}) == {'one': 1, 'two': 2}",
        "assert invert_dict({'x': 'y', 'y': 'x'}) == {'y': 'x', 'x': 'y'}",
    ],
)

add(
    DICTS,
    r'''
    def group_by_status(orders: list[dict]) -> dict[str, list[int]]:
        """Group order ids by the orders' 'status' field.

        >>> group_by_status([{'id': 1, 'status': 'paid'}, {'id': 2, 'status': 'pending'}, {'id': 3, 'status': 'paid'}])
        {'paid': [1, 3], 'pending': [2]}
        >>> group_by_status([])
        {}
        """
    ''',
    """
    groups = {}
    for order in orders:
        groups.setdefault(order['status'], []).append(order['id'])
    return groups
    """,
    [
        "assert group_by_status([{'id': 7, 'status': 'refunded'}]) == {'refunded': [7]}",
        "assert group_by_status([{'id': 5, 'status': 'shipped'}, {'id': 2, 'status': 'shipped'}]) == {'shipped': [5, 2]}",
        "assert group_by_status([{'id': 1, 'status': 'paid', 'total': 9.5}, {'id': 4, 'status': 'new', 'total': 3}]) == {'paid': [1], 'new': [4]}",
    ],
)

add(
    DICTS,
    r'''
    def election_winner(votes):
        """Return the candidate with the most votes; break ties by alphabetical order.

        >>> election_winner(['alice', 'bob', 'alice'])
        'alice'
        >>> election_winner(['carol'])
        'carol'
        """
    ''',
    """
    counts = {}
    for name in votes:
        counts[name] = counts.get(name, 0) + 1
    return min(counts, key=lambda name: (-counts[name], name))
    """,
    [
        "assert election_winner(['bob', 'alice']) == 'alice'",
        "assert election_winner(['zed', 'zed', 'amy', 'amy', 'bob']) == 'amy'",
        "assert election_winner(['x', 'y', 'y']) == 'y'",
    ],
)

add(
    DICTS,
    r'''
    def merge_settings(defaults: dict, overrides: dict) -> dict:
        """Combine settings, letting overrides win, except that an override of None keeps the
        default.

        >>> merge_settings({'debug': False, 'port': 80}, {'port': 8080})
        {'debug': False, 'port': 8080}
        >>> merge_settings({'theme': 'light'}, {'theme': None})
        {'theme': 'light'}
        """
    ''',
    """
    merged = dict(defaults)
    for key, value in overrides.items():
        if value is not None:
            merged[key] = value
    return merged
    """,
    [
        "assert merge_settings({}, {}) == {}",
        "assert merge_settings({}, {'a': 1}) == {'a': 1}",
        "assert merge_settings({'a': 1, 'b': 2}, {'a': 0}) == {'a': 0, 'b': 2}",
        "assert merge_settings({'verbose': True}, {'verbose': False}) == {'verbose': False}",
    ],
)

add(
    DICTS,
    r'''
    def column_values(rows, column):
        """Return the value of one column from every row, skipping rows that lack it.

        >>> column_values([{'name': 'Ann', 'age': 30}, {'name': 'Bo', 'age': 25}], 'name')
        ['Ann', 'Bo']
        >>> column_values([{'a': 1}, {'b': 2}], 'a')
        [1]
        """
    ''',
    """
    return [row[column] for row in rows if column in row]
    """,
    [
        "assert column_values([], 'x') == []",
        "assert column_values([{'a': None}], 'a') == [None]",
        "assert column_values([{'x': 1}, {'x': 2}, {'x': 3}], 'x') == [1, 2, 3]",
        "assert column_values([{'b': 1}], 'a') == []",
    ],
)

add(
    DICTS,
    r'''
    def index_by_id(records: list[dict]) -> dict:
        """Build a dict mapping each record's 'id' to the record.

        >>> index_by_id([{'id': 1, 'name': 'Ann'}, {'id': 2, 'name': 'Bo'}])
        {1: {'id': 1, 'name': 'Ann'}, 2: {'id': 2, 'name': 'Bo'}}
        >>> index_by_id([])
        {}
        """
    ''',
    """
    return {record['id']: record for record in records}
    """,
    [
        "assert index_by_id([{'id': 'u1'}]) == {'u1': {'id': 'u1'}}",
        "assert index_by_id([{'id': 3, 'x': 0}, {'id': 1, 'x': 1}]) == {3: {'id': 3, 'x': 0}, 1: {'id': 1, 'x': 1}}",
        "assert list(index_by_id([{'id': 9}, {'id': 4}])) == [9, 4]",
    ],
)

add(
    DICTS,
    r'''
    def cart_total(cart: dict[str, int], prices: dict[str, float]) -> float:
        """Return the total price of a shopping cart that maps products to quantities, rounded
        to cents.

        >>> cart_total({'apple': 3, 'pear': 1}, {'apple': 0.5, 'pear': 0.75})
        2.25
        >>> cart_total({}, {'apple': 0.5})
        0.0
        """
    ''',
    """
    return round(sum((qty * prices[item] for item, qty in cart.items()), 0.0), 2)
    """,
    [
        "assert cart_total({'pen': 10}, {'pen': 1.99}) == 19.9",
        "assert cart_total({'a': 1, 'b': 2, 'c': 3}, {'a': 0.1, 'b': 0.2, 'c': 0.3}) == 1.4",
        "assert cart_total({'tv': 0}, {'tv': 499.0}) == 0.0",
        "assert cart_total({'mug': 2}, {'mug': 7.5, 'plate': 3.0}) == 15.0",
    ],
)

add(
    DICTS,
    r'''
    def average_grades(grades):
        """Return each student's average grade, rounded to one decimal.

        >>> average_grades({'ann': [90, 80], 'bo': [70]})
        {'ann': 85.0, 'bo': 70.0}
        >>> average_grades({})
        {}
        """
    ''',
    """
    return {name: round(sum(marks) / len(marks), 1) for name, marks in grades.items()}
    """,
    [
        "assert average_grades({'cy': [100, 90, 95]}) == {'cy': 95.0}",
        "assert average_grades({'di': [88, 92, 79]}) == {'di': 86.3}",
        "assert average_grades({'ed': [1, 2], 'flo': [0]}) == {'ed': 1.5, 'flo': 0.0}",
    ],
)

add(
    DICTS,
    r'''
    def in_stock(products):
        """Return the names of the products whose 'qty' is above zero.

        >>> in_stock([{'name': 'pen', 'qty': 3}, {'name': 'ink', 'qty': 0}])
        ['pen']
        >>> in_stock([])
        []
        """
    ''',
    """
    return [p['name'] for p in products if p['qty'] > 0]
    """,
    [
        "assert in_stock([{'name': 'a', 'qty': 0}, {'name': 'b', 'qty': 0}]) == []",
        "assert in_stock([{'name': 'z', 'qty': 1}, {'name': 'y', 'qty': 5}]) == ['z', 'y']",
        "assert in_stock([{'name': 'back', 'qty': -2}, {'name': 'ok', 'qty': 2}]) == ['ok']",
    ],
)

add(
    DICTS,
    r'''
    def keys_with_value(mapping: dict, value) -> list:
        """Return the keys that map to the given value, in sorted order.

        >>> keys_with_value({'a': 1, 'b': 2, 'c': 1}, 1)
        ['a', 'c']
        >>> keys_with_value({'x': 'on'}, 'off')
        []
        """
    ''',
    """
    return sorted(key for key, v in mapping.items() if v == value)
    """,
    [
        "assert keys_with_value({}, 1) == []",
        "assert keys_with_value({'z': 0, 'y': 0}, 0) == ['y', 'z']",
        "assert keys_with_value({'k': None, 'j': 'v'}, None) == ['k']",
    ],
)

add(
    DICTS,
    r'''
    def changed_keys(old: dict, new: dict) -> list[str]:
        """List, sorted, the keys whose values differ between two versions of a record,
        including keys that were added or removed.

        >>> changed_keys({'a': 1, 'b': 2}, {'a': 1, 'b': 3})
        ['b']
        >>> changed_keys({'a': 1}, {'a': 1, 'c': 5})
        ['c']
        """
    ''',
    """
    keys = set(old) | set(new)
    return sorted(k for k in keys if k not in old or k not in new or old[k] != new[k])
    """,
    [
        "assert changed_keys({}, {}) == []",
        "assert changed_keys({'x': 1}, {}) == ['x']",
        "assert changed_keys({'a': 1, 'b': 2}, {'a': 2, 'b': 1}) == ['a', 'b']",
        "assert changed_keys({'n': None}, {}) == ['n']",
    ],
)

# ---------------------------------------------------------------- parsing

add(
    PARSING,
    r'''
    def to_24_hour(time_12h: str) -> str:
        """Convert a 12-hour time like '2:30 PM' to the 24-hour 'HH:MM' format.

        >>> to_24_hour('2:30 PM')
        '14:30'
        >>> to_24_hour('9:05 AM')
        '09:05'
        """
    ''',
    """
    clock, period = time_12h.split()
    hours, minutes = clock.split(':')
    h = int(hours) % 12
    if period.upper() == 'PM':
        h += 12
    return f'{h:02d}:{minutes}'
    """,
    [
        "assert to_24_hour('12:00 AM') == '00:00'",
        "assert to_24_hour('12:15 PM') == '12:15'",
        "assert to_24_hour('11:59 PM') == '23:59'",
        "assert to_24_hour('10:45 AM') == '10:45'",
    ],
)

add(
    PARSING,
    r'''
    def parse_csv_line(line):
        """Split a comma-separated line into fields, trimming the spaces around each field.

        >>> parse_csv_line('a, b ,c')
        ['a', 'b', 'c']
        >>> parse_csv_line('name,age')
        ['name', 'age']
        """
    ''',
    """
    return [field.strip() for field in line.split(',')]
    """,
    [
        "assert parse_csv_line('one') == ['one']",
        "assert parse_csv_line('a,,b') == ['a', '', 'b']",
        "assert parse_csv_line(' x , y ') == ['x', 'y']",
        "assert parse_csv_line('1, 2, 3') == ['1', '2', '3']",
    ],
)

add(
    PARSING,
    r'''
    def log_level(line: str) -> str:
        """Extract the level in square brackets from a log line such as
        '2024-01-01 12:00:00 [ERROR] Disk full'.

        >>> log_level('2024-01-01 12:00:00 [ERROR] Disk full')
        'ERROR'
        >>> log_level('2024-01-01 12:00:05 [INFO] Started')
        'INFO'
        """
    ''',
    """
    return line[line.index('[') + 1:line.index(']')]
    """,
    [
        "assert log_level('[DEBUG] x') == 'DEBUG'",
        "assert log_level('2023-12-31 23:59:59 [WARNING] Low memory [disk]') == 'WARNING'",
        "assert log_level('10:00 [CRITICAL] service down') == 'CRITICAL'",
    ],
)

add(
    PARSING,
    r'''
    def parse_percent(text):
        """Parse a percentage string like '45%' into a fraction.

        >>> parse_percent('45%')
        0.45
        >>> parse_percent('100%')
        1.0
        """
    ''',
    """
    return float(text.strip().rstrip('%')) / 100
    """,
    [
        "assert parse_percent('0%') == 0.0",
        "assert parse_percent('12.5%') == 0.125",
        "assert parse_percent(' 50% ') == 0.5",
        "assert parse_percent('7%') == 0.07",
    ],
)

add(
    PARSING,
    r'''
    def expand_ranges(spec: str) -> list[int]:
        """Expand a page selection like '1-3,5' into the list of page numbers.

        >>> expand_ranges('1-3,5')
        [1, 2, 3, 5]
        >>> expand_ranges('7')
        [7]
        """
    ''',
    """
    pages = []
    for part in spec.split(','):
        if '-' in part:
            start, end = part.split('-')
            pages.extend(range(int(start), int(end) + 1))
        else:
            pages.append(int(part))
    return pages
    """,
    [
        "assert expand_ranges('1,2,3') == [1, 2, 3]",
        "assert expand_ranges('10-12') == [10, 11, 12]",
        "assert expand_ranges('2-2') == [2]",
        "assert expand_ranges('1-2, 4-5') == [1, 2, 4, 5]",
    ],
)

add(
    PARSING,
    r'''
    def day_of_week(date_str):
        """Return the weekday name of an ISO date like '2024-03-15'.

        >>> day_of_week('2024-03-15')
        'Friday'
        >>> day_of_week('2000-01-01')
        'Saturday'
        """
    ''',
    """
    import datetime
    names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
    return names[datetime.date.fromisoformat(date_str).weekday()]
    """,
    [
        "assert day_of_week('2024-02-29') == 'Thursday'",
        "assert day_of_week('1970-01-01') == 'Thursday'",
        "assert day_of_week('2023-12-25') == 'Monday'",
    ],
)

add(
    PARSING,
    r'''
    def days_between(start: str, end: str) -> int:
        """Return the number of days from start to end, both ISO dates 'YYYY-MM-DD'.

        >>> days_between('2024-01-01', '2024-01-31')
        30
        >>> days_between('2024-03-01', '2024-03-01')
        0
        """
    ''',
    """
    from datetime import date
    return (date.fromisoformat(end) - date.fromisoformat(start)).days
    """,
    [
        "assert days_between('2024-02-01', '2024-03-01') == 29",
        "assert days_between('2023-02-01', '2023-03-01') == 28",
        "assert days_between('2024-01-10', '2024-01-01') == -9",
        "assert days_between('2023-01-01', '2024-01-01') == 365",
    ],
)

add(
    PARSING,
    r'''
    def status_code(status_line):
        """Return the numeric status code from an HTTP status line like 'HTTP/1.1 404 Not Found'.

        >>> status_code('HTTP/1.1 404 Not Found')
        404
        >>> status_code('HTTP/1.1 200 OK')
        200
        """
    ''',
    """
    return int(status_line.split()[1])
    """,
    [
        "assert status_code('HTTP/2 301 Moved Permanently') == 301",
        "assert status_code('HTTP/1.0 500 Internal Server Error') == 500",
        "assert status_code('HTTP/1.1 204') == 204",
    ],
)

# ---------------------------------------------------------------- optional and error-tolerant

add(
    OPTIONAL,
    r'''
    def get_nested(config: dict, path: str):
        """Look up a dotted path like 'db.host' in nested dicts; return None if any part is missing.

        >>> get_nested({'db': {'host': 'localhost'}}, 'db.host')
        'localhost'
        >>> get_nested({'a': {'b': {'c': 1}}}, 'a.b.c')
        1
        """
    ''',
    """
    current = config
    for key in path.split('.'):
        if not isinstance(current, dict) or key not in current:
            return None
        current = current[key]
    return current
    """,
    [
        "assert get_nested({'db': {}}, 'db.port') is None",
        "assert get_nested({}, 'x') is None",
        "assert get_nested({'a': 5}, 'a.b') is None",
        "assert get_nested({'a': {'b': 0}}, 'a.b') == 0",
        "assert get_nested({'x': 1}, 'x') == 1",
    ],
)

add(
    OPTIONAL,
    r'''
    def first_even(numbers: list[int]) -> int | None:
        """Return the first even number in the list, or None if there is none.

        >>> first_even([1, 3, 4, 6])
        4
        >>> first_even([1, 3, 5])
        None
        """
    ''',
    """
    for n in numbers:
        if n % 2 == 0:
            return n
    return None
    """,
    [
        "assert first_even([]) is None",
        "assert first_even([0]) == 0",
        "assert first_even([-2, 1]) == -2",
        "assert first_even([7, 9, 10]) == 10",
    ],
)

add(
    OPTIONAL,
    r'''
    def safe_divide(a, b):
        """Divide a by b, returning None instead of raising when b is zero.

        >>> safe_divide(10, 4)
        2.5
        >>> safe_divide(1, 0)
        None
        """
    ''',
    """
    if b == 0:
        return None
    return a / b
    """,
    [
        "assert safe_divide(0, 5) == 0.0",
        "assert safe_divide(-9, 3) == -3.0",
        "assert safe_divide(5, 0.0) is None",
        "assert safe_divide(7, 2) == 3.5",
    ],
)

add(
    OPTIONAL,
    r'''
    def find_email(text: str) -> str | None:
        """Return the first email address found in the text, or None.

        >>> find_email('Contact us at help@example.com today')
        'help@example.com'
        >>> find_email('no address here')
        None
        """
    ''',
    r"""
    import re
    match = re.search(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)+', text)
    return match.group(0) if match else None
    """,
    [
        "assert find_email('') is None",
        "assert find_email('a@b.co and c@d.org') == 'a@b.co'",
        "assert find_email('Email: john.smith+news@mail.co.uk.') == 'john.smith+news@mail.co.uk'",
        "assert find_email('just an @ sign') is None",
    ],
)

add(
    OPTIONAL,
    r'''
    def cheapest(products):
        """Return the name of the product with the lowest 'price', or None for an empty list.

        >>> cheapest([{'name': 'pen', 'price': 1.5}, {'name': 'cup', 'price': 0.99}])
        'cup'
        >>> cheapest([])
        None
        """
    ''',
    """
    if not products:
        return None
    return min(products, key=lambda p: p['price'])['name']
    """,
    [
        "assert cheapest([{'name': 'solo', 'price': 3}]) == 'solo'",
        "assert cheapest([{'name': 'tv', 'price': 300}, {'name': 'radio', 'price': 45}, {'name': 'phone', 'price': 199}]) == 'radio'",
        "assert cheapest([{'name': 'x', 'price': 5}, {'name': 'free', 'price': 0}]) == 'free'",
    ],
)

# ---------------------------------------------------------------- tuples and multiple returns

add(
    TUPLES,
    r'''
    def hex_to_rgb(color: str) -> tuple[int, int, int]:
        """Convert a hex color like '#ff8000' to an (r, g, b) tuple.

        >>> hex_to_rgb('#ff8000')
        (255, 128, 0)
        >>> hex_to_rgb('#000000')
        (0, 0, 0)
        """
    ''',
    """
    h = color.lstrip('#')
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))
    """,
    [
        "assert hex_to_rgb('#FFFFFF') == (255, 255, 255)",
        "assert hex_to_rgb('#010203') == (1, 2, 3)",
        "assert hex_to_rgb('#ADD8E6') == (173, 216, 230)",
    ],
)

add(
    TUPLES,
    r'''
    def hours_minutes(total_minutes):
        """Split a number of minutes into (hours, minutes).

        >>> hours_minutes(135)
        (2, 15)
        >>> hours_minutes(45)
        (0, 45)
        """
    ''',
    """
    return divmod(total_minutes, 60)
    """,
    [
        "assert hours_minutes(0) == (0, 0)",
        "assert hours_minutes(60) == (1, 0)",
        "assert hours_minutes(1440) == (24, 0)",
        "assert hours_minutes(61) == (1, 1)",
    ],
)

add(
    TUPLES,
    r'''
    def parse_dimensions(text: str) -> tuple[int, int]:
        """Parse an image size like '1920x1080' into (width, height).

        >>> parse_dimensions('1920x1080')
        (1920, 1080)
        >>> parse_dimensions('800x600')
        (800, 600)
        """
    ''',
    """
    width, height = text.split('x')
    return int(width), int(height)
    """,
    [
        "assert parse_dimensions('1x1') == (1, 1)",
        "assert parse_dimensions('3840x2160') == (3840, 2160)",
        "assert parse_dimensions('64x128') == (64, 128)",
    ],
)

add(
    TUPLES,
    r'''
    def parse_coordinates(text):
        """Parse 'lat,lon' into a (latitude, longitude) pair of floats.

        >>> parse_coordinates('40.7128,-74.0060')
        (40.7128, -74.006)
        >>> parse_coordinates('51.5, -0.12')
        (51.5, -0.12)
        """
    ''',
    """
    lat, lon = text.split(',')
    return float(lat), float(lon)
    """,
    [
        "assert parse_coordinates('0,0') == (0.0, 0.0)",
        "assert parse_coordinates('-33.8688, 151.2093') == (-33.8688, 151.2093)",
        "assert parse_coordinates(' 48.8566 , 2.3522 ') == (48.8566, 2.3522)",
    ],
)

add(
    TUPLES,
    r'''
    def count_pass_fail(scores: list[int], pass_mark: int = 50) -> tuple[int, int]:
        """Return (passed, failed) counts, where a score passes if it is at least pass_mark.

        >>> count_pass_fail([40, 50, 75])
        (2, 1)
        >>> count_pass_fail([90, 85], pass_mark=88)
        (1, 1)
        """
    ''',
    """
    passed = sum(1 for s in scores if s >= pass_mark)
    return passed, len(scores) - passed
    """,
    [
        "assert count_pass_fail([]) == (0, 0)",
        "assert count_pass_fail([49]) == (0, 1)",
        "assert count_pass_fail([50, 50]) == (2, 0)",
        "assert count_pass_fail([60, 70, 80], 100) == (0, 3)",
    ],
)

add(
    TUPLES,
    r'''
    def split_header(line):
        """Split an HTTP header line into (name, value), trimming spaces.

        >>> split_header('Content-Type: text/html')
        ('Content-Type', 'text/html')
        >>> split_header('Host:example.com')
        ('Host', 'example.com')
        """
    ''',
    """
    name, _, value = line.partition(':')
    return name.strip(), value.strip()
    """,
    [
        "assert split_header('Date: Mon, 01 Jan 2024 10:00:00 GMT') == ('Date', 'Mon, 01 Jan 2024 10:00:00 GMT')",
        "assert split_header('X-Empty:') == ('X-Empty', '')",
        "assert split_header('  Accept :  */*  ') == ('Accept', '*/*')",
    ],
)

add(
    TUPLES,
    r'''
    def bounding_box(points):
        """Return (min_x, min_y, max_x, max_y) for a list of (x, y) points.

        >>> bounding_box([(1, 2), (3, 0), (2, 5)])
        (1, 0, 3, 5)
        >>> bounding_box([(4, 4)])
        (4, 4, 4, 4)
        """
    ''',
    """
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)
    """,
    [
        "assert bounding_box([(-1, -1), (1, 1)]) == (-1, -1, 1, 1)",
        "assert bounding_box([(0, 10), (10, 0)]) == (0, 0, 10, 10)",
        "assert bounding_box([(2.5, 1.0), (0.5, 3.0)]) == (0.5, 1.0, 2.5, 3.0)",
    ],
)

add(
    TUPLES,
    r'''
    def parse_iso_date(text: str) -> tuple[int, int, int]:
        """Split an ISO date 'YYYY-MM-DD' into (year, month, day) integers.

        >>> parse_iso_date('2024-03-15')
        (2024, 3, 15)
        >>> parse_iso_date('1999-12-31')
        (1999, 12, 31)
        """
    ''',
    """
    year, month, day = text.split('-')
    return int(year), int(month), int(day)
    """,
    [
        "assert parse_iso_date('2000-01-01') == (2000, 1, 1)",
        "assert parse_iso_date('2024-02-29') == (2024, 2, 29)",
        "assert parse_iso_date('0001-01-01') == (1, 1, 1)",
    ],
)

# ---------------------------------------------------------------- checking and writing

TARGET = {
    STRINGS: 25,
    LISTS: 15,
    NUMBERS: 15,
    PREDICATES: 12,
    DICTS: 12,
    PARSING: 8,
    OPTIONAL: 5,
    TUPLES: 8,
}
KEYS = ["id", "function", "stub", "given_tests", "hidden_tests", "setup"]
FIRST_SET = Path(__file__).resolve().parent / "make_blind.py"


def function_name(stub: str) -> str:
    """The name in the stub's def line."""
    match = re.match(r"def (\w+)\(", stub)
    if match is None:
        raise ValueError(f"no def line in stub: {stub[:40]!r}")
    return match.group(1)


def is_annotated(stub: str) -> bool:
    """Whether the def line carries a return annotation."""
    return "->" in stub.splitlines()[0]


def doctest_pairs(stub: str) -> list[tuple[str, str]]:
    """The (call, expected text) pairs of the stub's doctest lines."""
    lines = [line.strip() for line in stub.splitlines()]
    return [
        (line[4:], lines[i + 1])
        for i, line in enumerate(lines)
        if line.startswith(">>> ")
    ]


def first_set_names() -> set[str]:
    """Function names of the first blind set, to keep this set free of repeats."""
    if not FIRST_SET.exists():
        return set()
    return set(re.findall(r"^    def (\w+)\(", FIRST_SET.read_text(), re.MULTILINE))


def check(entry: Entry) -> list[str]:
    """Run the reference in CPython; return the failures."""
    failures = []
    stub = entry.stub
    if not stub.rstrip().endswith('"""'):
        failures.append("stub does not end after its docstring")
    try:
        compile(stub, "<stub>", "exec")
    except SyntaxError as e:
        failures.append(f"stub does not compile: {e!r}")
    source = stub + textwrap.indent(entry.body.strip("\n") + "\n", "    ")
    namespace: dict[str, object] = {}
    try:
        exec(entry.setup, namespace)  # noqa: S102 - own setup code
        exec(compile(source, "<reference>", "exec"), namespace)  # noqa: S102 - own reference
    except Exception as e:  # noqa: BLE001 - report any failure of the reference
        return [*failures, f"reference does not load: {e!r}"]
    pairs = doctest_pairs(stub)
    if not 2 <= len(pairs) <= 3:
        failures.append(f"{len(pairs)} doctest examples")
    for call, expected in pairs:
        try:
            got = repr(eval(call, dict(namespace)))
        except Exception as e:  # noqa: BLE001
            got = f"raised {e!r}"
        if got != expected:
            failures.append(f"doctest {call}: expected {expected}, got {got}")
    if not 3 <= len(entry.hidden) <= 5:
        failures.append(f"{len(entry.hidden)} hidden tests")
    given = [f"assert {call} == {expected}" for call, expected in pairs]
    for test in [*given, *entry.hidden]:
        if not test.startswith("assert "):
            failures.append(f"not an assert: {test}")
        try:
            exec(test, dict(namespace))  # noqa: S102 - own asserts
        except Exception as e:  # noqa: BLE001
            failures.append(f"test {test}: {e!r}")
    return failures


def main() -> int:
    rows: list[dict[str, object]] = []
    failed = False
    names: set[str] = set()
    earlier = first_set_names()
    for entry in ENTRIES:
        name = function_name(entry.stub)
        if name in names:
            print(f"{name}: duplicate function name", file=sys.stderr)
            failed = True
        if name in earlier:
            print(f"{name}: already in the first blind set", file=sys.stderr)
            failed = True
        names.add(name)
        for failure in check(entry):
            print(f"{name}: {failure}", file=sys.stderr)
            failed = True
        row: dict[str, object] = {
            "id": f"blind2-{name}",
            "function": name,
            "stub": entry.stub,
            "given_tests": [f"assert {c} == {e}" for c, e in doctest_pairs(entry.stub)],
            "hidden_tests": entry.hidden,
            "setup": entry.setup,
        }
        assert list(row) == KEYS
        rows.append(row)
    counts = Counter(entry.category for entry in ENTRIES)
    for category, want in TARGET.items():
        if counts[category] != want:
            print(
                f"{category}: {counts[category]} entries, want {want}", file=sys.stderr
            )
            failed = True
    if len({row["id"] for row in rows}) != len(rows):
        print("ids are not unique", file=sys.stderr)
        failed = True
    if failed:
        print("refusing to write: an entry fails its checks", file=sys.stderr)
        return 1
    with OUT.open("w") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    annotated = sum(is_annotated(entry.stub) for entry in ENTRIES)
    print(f"wrote {len(rows)} stubs to {OUT}")
    print("by category: " + ", ".join(f"{k} {counts[k]}" for k in TARGET))
    print(f"annotated: {annotated}, plain: {len(rows) - annotated}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

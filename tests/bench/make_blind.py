"""Generate tests/bench/everyday_blind.jsonl: everyday Python stubs for docsynth.

The set was written blind: without reading docsynth's search or ranking code and before any
measurement against it. Each entry is a stub (signature + docstring with doctest examples, as a
user would write it), a reference body and the hidden asserts a user would try next. The given
tests are the stub's doctest lines. Before writing the file this script runs every reference in
CPython and refuses to write unless each doctest line (repr of the result equals the expected
text) and each hidden assert passes.

Run: python3 tests/bench/make_blind.py
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent / "everyday_blind.jsonl"

# (stub, reference body, hidden tests). Stubs are raw strings copied into the file as is.
ENTRIES: list[tuple[str, str, list[str]]] = []


def add(stub: str, body: str, hidden: list[str]) -> None:
    ENTRIES.append((textwrap.dedent(stub).lstrip("\n"), textwrap.dedent(body), hidden))


# ---------------------------------------------------------------- web backend helpers

add(
    r'''
    def slugify(title: str) -> str:
        """Turn a title into a URL slug: lower case, words joined by hyphens.

        >>> slugify('Hello World')
        'hello-world'
        >>> slugify('Python 3 Tips')
        'python-3-tips'
        """
    ''',
    """
    import re
    return re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')
    """,
    [
        "assert slugify('Rock & Roll') == 'rock-roll'",
        "assert slugify('') == ''",
        "assert slugify('  Leading and trailing  ') == 'leading-and-trailing'",
    ],
)

add(
    r'''
    def paginate(items, page, per_page):
        """Return the items on the given page (pages start at 1).

        >>> paginate([1, 2, 3, 4, 5], 1, 2)
        [1, 2]
        >>> paginate([1, 2, 3, 4, 5], 3, 2)
        [5]
        """
    ''',
    """
    start = (page - 1) * per_page
    return items[start:start + per_page]
    """,
    [
        "assert paginate([], 1, 10) == []",
        "assert paginate([1, 2, 3], 2, 2) == [3]",
        "assert paginate([1, 2, 3, 4, 5], 4, 2) == []",
        "assert paginate(['a', 'b', 'c', 'd'], 2, 2) == ['c', 'd']",
    ],
)

add(
    r'''
    def query_string(params: dict) -> str:
        """Build a URL query string from a dict of parameters.

        >>> query_string({'page': 2, 'sort': 'name'})
        'page=2&sort=name'
        >>> query_string({'q': 'shoes'})
        'q=shoes'
        """
    ''',
    """
    return '&'.join(f'{k}={v}' for k, v in params.items())
    """,
    [
        "assert query_string({}) == ''",
        "assert query_string({'a': 1, 'b': 2, 'c': 3}) == 'a=1&b=2&c=3'",
    ],
)

add(
    r'''
    def bearer_token(header: str) -> str | None:
        """Return the token from an Authorization header, or None if it is not a Bearer header.

        >>> bearer_token('Bearer abc123')
        'abc123'
        >>> bearer_token('Basic dXNlcjpwdw==')
        None
        """
    ''',
    """
    prefix = 'Bearer '
    if header.startswith(prefix):
        return header[len(prefix):]
    return None
    """,
    [
        "assert bearer_token('') == None",
        "assert bearer_token('Bearer eyJ.hbG-ci') == 'eyJ.hbG-ci'",
        "assert bearer_token('Token xyz') == None",
    ],
)

add(
    r'''
    def status_class(code):
        """Return the class of an HTTP status code, like '2xx' or '4xx'.

        >>> status_class(200)
        '2xx'
        >>> status_class(404)
        '4xx'
        """
    ''',
    """
    return f'{code // 100}xx'
    """,
    [
        "assert status_class(503) == '5xx'",
        "assert status_class(301) == '3xx'",
        "assert status_class(201) == '2xx'",
    ],
)

add(
    r'''
    def is_success(status: int) -> bool:
        """Return True for a 2xx HTTP status code.

        >>> is_success(200)
        True
        >>> is_success(404)
        False
        >>> is_success(204)
        True
        """
    ''',
    """
    return 200 <= status < 300
    """,
    [
        "assert is_success(299) == True",
        "assert is_success(300) == False",
        "assert is_success(199) == False",
        "assert is_success(500) == False",
    ],
)

add(
    r'''
    def build_url(base: str, path: str) -> str:
        """Join a base URL and a path with exactly one slash between them.

        >>> build_url('https://api.example.com', 'users')
        'https://api.example.com/users'
        >>> build_url('https://api.example.com/', '/users')
        'https://api.example.com/users'
        """
    ''',
    """
    return base.rstrip('/') + '/' + path.lstrip('/')
    """,
    [
        "assert build_url('http://localhost:8000', 'a/b') == 'http://localhost:8000/a/b'",
        "assert build_url('http://h/', 'x') == 'http://h/x'",
        "assert build_url('http://h', '/v1/items') == 'http://h/v1/items'",
    ],
)

add(
    r'''
    def parse_bool(value: str) -> bool:
        """Interpret a config or form value as a boolean ('true', 'yes', '1', 'on' are true).

        >>> parse_bool('true')
        True
        >>> parse_bool('no')
        False
        >>> parse_bool('1')
        True
        """
    ''',
    """
    return value.strip().lower() in ('true', 'yes', '1', 'on')
    """,
    [
        "assert parse_bool('TRUE') == True",
        "assert parse_bool('0') == False",
        "assert parse_bool('Yes') == True",
        "assert parse_bool('off') == False",
    ],
)

add(
    r'''
    def truncate(text: str, limit: int) -> str:
        """Shorten text to limit characters, adding '...' when something was cut.

        >>> truncate('Hello world', 5)
        'Hello...'
        >>> truncate('Hi', 5)
        'Hi'
        """
    ''',
    """
    if len(text) <= limit:
        return text
    return text[:limit] + '...'
    """,
    [
        "assert truncate('abcdef', 6) == 'abcdef'",
        "assert truncate('', 3) == ''",
        "assert truncate('abcdefg', 3) == 'abc...'",
    ],
)

add(
    r'''
    def media_type(header):
        """Return the media type of a Content-Type header, without parameters.

        >>> media_type('text/html; charset=utf-8')
        'text/html'
        >>> media_type('application/json')
        'application/json'
        """
    ''',
    """
    return header.split(';')[0].strip()
    """,
    [
        "assert media_type('image/png;q=0.9') == 'image/png'",
        "assert media_type('multipart/form-data; boundary=xyz') == 'multipart/form-data'",
    ],
)

# ---------------------------------------------------------------- data cleaning

add(
    r'''
    def clean_phone(phone: str) -> str:
        """Keep only the digits of a phone number.

        >>> clean_phone('(555) 123-4567')
        '5551234567'
        >>> clean_phone('555.987.6543')
        '5559876543'
        """
    ''',
    """
    return ''.join(c for c in phone if c.isdigit())
    """,
    [
        "assert clean_phone('+1 555 123 4567') == '15551234567'",
        "assert clean_phone('') == ''",
        "assert clean_phone('5551234567') == '5551234567'",
    ],
)

add(
    r'''
    def parse_price(text):
        """Parse a price like '$1,234.50' into a float.

        >>> parse_price('$1,234.50')
        1234.5
        >>> parse_price('$3')
        3.0
        """
    ''',
    """
    return float(text.replace('$', '').replace(',', ''))
    """,
    [
        "assert parse_price('$0.99') == 0.99",
        "assert parse_price('12') == 12.0",
        "assert parse_price('$1,000,000') == 1000000.0",
    ],
)

add(
    r'''
    def fill_missing(values: list, default) -> list:
        """Replace every None in values with default.

        >>> fill_missing([1, None, 3], 0)
        [1, 0, 3]
        >>> fill_missing(['a', None], '?')
        ['a', '?']
        """
    ''',
    """
    return [default if v is None else v for v in values]
    """,
    [
        "assert fill_missing([], 0) == []",
        "assert fill_missing([None, None], 'x') == ['x', 'x']",
        "assert fill_missing([0, None, False], 1) == [0, 1, False]",
    ],
)

add(
    r'''
    def drop_blank(values: list[str]) -> list[str]:
        """Remove empty or whitespace-only strings from the list.

        >>> drop_blank(['a', '', 'b'])
        ['a', 'b']
        >>> drop_blank(['', ' ', 'c'])
        ['c']
        """
    ''',
    """
    return [v for v in values if v.strip()]
    """,
    [
        "assert drop_blank([]) == []",
        "assert drop_blank(['x', 'y']) == ['x', 'y']",
        "assert drop_blank(['  ', '\\t']) == []",
    ],
)

add(
    r'''
    def normalize_name(name: str) -> str:
        """Tidy a person's name: trim spaces and capitalize each part.

        >>> normalize_name('  john SMITH ')
        'John Smith'
        >>> normalize_name('ada lovelace')
        'Ada Lovelace'
        """
    ''',
    """
    return ' '.join(part.capitalize() for part in name.split())
    """,
    [
        "assert normalize_name('ALICE') == 'Alice'",
        "assert normalize_name('grace   hopper') == 'Grace Hopper'",
        "assert normalize_name('') == ''",
    ],
)

add(
    r'''
    def to_snake_case(name: str) -> str:
        """Convert a camelCase identifier to snake_case.

        >>> to_snake_case('firstName')
        'first_name'
        >>> to_snake_case('totalAmountDue')
        'total_amount_due'
        """
    ''',
    """
    import re
    return re.sub(r'(?<!^)(?=[A-Z])', '_', name).lower()
    """,
    [
        "assert to_snake_case('id') == 'id'",
        "assert to_snake_case('UserId') == 'user_id'",
        "assert to_snake_case('createdAt') == 'created_at'",
    ],
)

add(
    r'''
    def to_camel_case(name):
        """Convert a snake_case identifier to camelCase.

        >>> to_camel_case('first_name')
        'firstName'
        >>> to_camel_case('is_active')
        'isActive'
        """
    ''',
    """
    head, *rest = name.split('_')
    return head + ''.join(part.capitalize() for part in rest)
    """,
    [
        "assert to_camel_case('id') == 'id'",
        "assert to_camel_case('created_at_utc') == 'createdAtUtc'",
    ],
)

add(
    r'''
    def parse_int_list(text: str) -> list[int]:
        """Parse a comma-separated list of integers.

        >>> parse_int_list('1, 2, 3')
        [1, 2, 3]
        >>> parse_int_list('10,20')
        [10, 20]
        """
    ''',
    """
    return [int(part) for part in text.split(',') if part.strip()]
    """,
    [
        "assert parse_int_list('') == []",
        "assert parse_int_list('7') == [7]",
        "assert parse_int_list('5, -4, 0') == [5, -4, 0]",
    ],
)

add(
    r'''
    def rename_keys(record: dict, mapping: dict) -> dict:
        """Rename the keys of record according to mapping; other keys stay as they are.

        >>> rename_keys({'fname': 'Ann', 'age': 30}, {'fname': 'first_name'})
        {'first_name': 'Ann', 'age': 30}
        >>> rename_keys({'a': 1}, {'a': 'b'})
        {'b': 1}
        """
    ''',
    """
    return {mapping.get(k, k): v for k, v in record.items()}
    """,
    [
        "assert rename_keys({}, {'a': 'b'}) == {}",
        "assert rename_keys({'x': 1, 'y': 2}, {}) == {'x': 1, 'y': 2}",
        "assert rename_keys({'x': 1, 'y': 2}, {'x': 'u', 'y': 'v'}) == {'u': 1, 'v': 2}",
    ],
)

add(
    r'''
    def pick(record: dict, keys: list) -> dict:
        """Return a new dict with only the given keys (keys missing from record are skipped).

        >>> pick({'a': 1, 'b': 2, 'c': 3}, ['a', 'c'])
        {'a': 1, 'c': 3}
        >>> pick({'name': 'x', 'id': 7}, ['id'])
        {'id': 7}
        """
    ''',
    """
    return {k: record[k] for k in keys if k in record}
    """,
    [
        "assert pick({'a': 1}, ['a', 'z']) == {'a': 1}",
        "assert pick({}, ['a']) == {}",
        "assert pick({'a': 1, 'b': 2}, []) == {}",
    ],
)

add(
    r'''
    def drop_none_values(data):
        """Remove the entries whose value is None.

        >>> drop_none_values({'a': 1, 'b': None})
        {'a': 1}
        >>> drop_none_values({'x': None, 'y': 'yes'})
        {'y': 'yes'}
        """
    ''',
    """
    return {k: v for k, v in data.items() if v is not None}
    """,
    [
        "assert drop_none_values({}) == {}",
        "assert drop_none_values({'a': 0, 'b': ''}) == {'a': 0, 'b': ''}",
        "assert drop_none_values({'a': None}) == {}",
    ],
)

add(
    r'''
    def group_by_initial(words: list[str]) -> dict[str, list[str]]:
        """Group words by their first letter, keeping their order.

        >>> group_by_initial(['apple', 'banana', 'avocado'])
        {'a': ['apple', 'avocado'], 'b': ['banana']}
        >>> group_by_initial(['kiwi'])
        {'k': ['kiwi']}
        """
    ''',
    """
    groups = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return groups
    """,
    [
        "assert group_by_initial([]) == {}",
        "assert group_by_initial(['cat', 'cow', 'dog', 'cub']) == {'c': ['cat', 'cow', 'cub'], 'd': ['dog']}",
    ],
)

add(
    r'''
    def sum_by_category(expenses: list[tuple[str, float]]) -> dict[str, float]:
        """Total the amounts of (category, amount) pairs per category.

        >>> sum_by_category([('food', 3.5), ('rent', 100.0), ('food', 2.0)])
        {'food': 5.5, 'rent': 100.0}
        >>> sum_by_category([('gas', 40.0)])
        {'gas': 40.0}
        """
    ''',
    """
    totals = {}
    for category, amount in expenses:
        totals[category] = totals.get(category, 0) + amount
    return totals
    """,
    [
        "assert sum_by_category([]) == {}",
        "assert sum_by_category([('a', 1.0), ('b', 2.0), ('a', 4.0)]) == {'a': 5.0, 'b': 2.0}",
    ],
)

# ---------------------------------------------------------------- files and scripts

add(
    r'''
    def parent_dir(path: str) -> str:
        """Return the directory part of a slash-separated path ('' if there is none).

        >>> parent_dir('a/b/c.txt')
        'a/b'
        >>> parent_dir('src/main.py')
        'src'
        """
    ''',
    """
    if '/' not in path:
        return ''
    return path.rsplit('/', 1)[0]
    """,
    [
        "assert parent_dir('x.txt') == ''",
        "assert parent_dir('/usr/local/bin/tool') == '/usr/local/bin'",
    ],
)

add(
    r'''
    def human_size(num_bytes: int) -> str:
        """Format a byte count for people: bytes below 1024, else KB or MB with one decimal.

        >>> human_size(512)
        '512 B'
        >>> human_size(2048)
        '2.0 KB'
        >>> human_size(1048576)
        '1.0 MB'
        """
    ''',
    """
    if num_bytes < 1024:
        return f'{num_bytes} B'
    if num_bytes < 1024 * 1024:
        return f'{num_bytes / 1024:.1f} KB'
    return f'{num_bytes / (1024 * 1024):.1f} MB'
    """,
    [
        "assert human_size(0) == '0 B'",
        "assert human_size(1536) == '1.5 KB'",
        "assert human_size(5242880) == '5.0 MB'",
    ],
)

add(
    r'''
    def format_hms(seconds):
        """Format a number of seconds as H:MM:SS.

        >>> format_hms(3661)
        '1:01:01'
        >>> format_hms(59)
        '0:00:59'
        """
    ''',
    """
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f'{hours}:{minutes:02d}:{secs:02d}'
    """,
    [
        "assert format_hms(0) == '0:00:00'",
        "assert format_hms(7200) == '2:00:00'",
        "assert format_hms(45296) == '12:34:56'",
    ],
)

add(
    r'''
    def split_extension(filename: str) -> tuple[str, str]:
        """Split a file name into its name and its last extension (without the dot).

        >>> split_extension('report.pdf')
        ('report', 'pdf')
        >>> split_extension('photo.jpeg')
        ('photo', 'jpeg')
        """
    ''',
    """
    if '.' not in filename:
        return (filename, '')
    name, ext = filename.rsplit('.', 1)
    return (name, ext)
    """,
    [
        "assert split_extension('archive.tar.gz') == ('archive.tar', 'gz')",
        "assert split_extension('README') == ('README', '')",
    ],
)

add(
    r'''
    def parse_key_value(line):
        """Split a 'key=value' config line into a (key, value) pair, stripping spaces.

        >>> parse_key_value('name=Alice')
        ('name', 'Alice')
        >>> parse_key_value('port = 8080')
        ('port', '8080')
        """
    ''',
    """
    key, value = line.split('=', 1)
    return (key.strip(), value.strip())
    """,
    [
        "assert parse_key_value('url=http://x.com/?a=b') == ('url', 'http://x.com/?a=b')",
        "assert parse_key_value('empty=') == ('empty', '')",
        "assert parse_key_value('  debug =true ') == ('debug', 'true')",
    ],
)

add(
    r'''
    def parse_query(qs: str) -> dict[str, str]:
        """Parse a query string like 'a=1&b=2' into a dict of strings.

        >>> parse_query('a=1&b=2')
        {'a': '1', 'b': '2'}
        >>> parse_query('name=bob')
        {'name': 'bob'}
        """
    ''',
    """
    result = {}
    for pair in qs.split('&'):
        if pair:
            key, _, value = pair.partition('=')
            result[key] = value
    return result
    """,
    [
        "assert parse_query('') == {}",
        "assert parse_query('x=') == {'x': ''}",
        "assert parse_query('q=shoes&page=3&sort=price') == {'q': 'shoes', 'page': '3', 'sort': 'price'}",
    ],
)

add(
    r'''
    def parse_duration(text: str) -> int:
        """Convert a duration like '30s', '2m' or '1h' to seconds.

        >>> parse_duration('30s')
        30
        >>> parse_duration('2m')
        120
        >>> parse_duration('1h')
        3600
        """
    ''',
    """
    units = {'s': 1, 'm': 60, 'h': 3600}
    return int(text[:-1]) * units[text[-1]]
    """,
    [
        "assert parse_duration('45m') == 2700",
        "assert parse_duration('0s') == 0",
        "assert parse_duration('12h') == 43200",
    ],
)

add(
    r'''
    def us_date_to_iso(date):
        """Convert a US date 'MM/DD/YYYY' to ISO format 'YYYY-MM-DD'.

        >>> us_date_to_iso('12/31/2024')
        '2024-12-31'
        >>> us_date_to_iso('07/04/1999')
        '1999-07-04'
        """
    ''',
    """
    month, day, year = date.split('/')
    return f'{year}-{int(month):02d}-{int(day):02d}'
    """,
    [
        "assert us_date_to_iso('01/01/2000') == '2000-01-01'",
        "assert us_date_to_iso('1/5/2023') == '2023-01-05'",
    ],
)

add(
    r'''
    def parse_version(version: str) -> tuple:
        """Parse a dotted version string into a tuple of ints.

        >>> parse_version('1.2.3')
        (1, 2, 3)
        >>> parse_version('10.0')
        (10, 0)
        """
    ''',
    """
    return tuple(int(part) for part in version.split('.'))
    """,
    [
        "assert parse_version('2') == (2,)",
        "assert parse_version('0.10.1') == (0, 10, 1)",
    ],
)

add(
    r'''
    def is_newer_version(candidate: str, current: str) -> bool:
        """Return True if the dotted version candidate is newer than current.

        >>> is_newer_version('1.2.0', '1.1.9')
        True
        >>> is_newer_version('1.0.0', '1.0.0')
        False
        """
    ''',
    """
    def parts(v):
        return tuple(int(p) for p in v.split('.'))
    return parts(candidate) > parts(current)
    """,
    [
        "assert is_newer_version('0.9.0', '1.0.0') == False",
        "assert is_newer_version('2.0.1', '2.0.0') == True",
        "assert is_newer_version('1.10.0', '1.9.0') == True",
    ],
)

# ---------------------------------------------------------------- text processing

add(
    r'''
    def extract_hashtags(text):
        """Return the hashtags in text, without the '#'.

        >>> extract_hashtags('Loving #python and #rust today')
        ['python', 'rust']
        >>> extract_hashtags('#monday')
        ['monday']
        """
    ''',
    """
    return [word[1:] for word in text.split() if word.startswith('#') and len(word) > 1]
    """,
    [
        "assert extract_hashtags('no tags here') == []",
        "assert extract_hashtags('') == []",
        "assert extract_hashtags('#a #b #c') == ['a', 'b', 'c']",
    ],
)

add(
    r'''
    def extract_numbers(text: str) -> list[int]:
        """Return all the whole numbers that appear in text.

        >>> extract_numbers('Order 12 has 3 items')
        [12, 3]
        >>> extract_numbers('room 101')
        [101]
        """
    ''',
    """
    import re
    return [int(n) for n in re.findall(r'\\d+', text)]
    """,
    [
        "assert extract_numbers('') == []",
        "assert extract_numbers('no digits') == []",
        "assert extract_numbers('a1b22c333') == [1, 22, 333]",
    ],
)

add(
    r'''
    def acronym(phrase: str) -> str:
        """Build an upper-case acronym from the first letter of each word.

        >>> acronym('Portable Network Graphics')
        'PNG'
        >>> acronym('as soon as possible')
        'ASAP'
        """
    ''',
    """
    words = phrase.replace('-', ' ').split()
    return ''.join(w[0].upper() for w in words)
    """,
    [
        "assert acronym('Complementary metal-oxide semiconductor') == 'CMOS'",
        "assert acronym('Python') == 'P'",
        "assert acronym('graphics processing unit') == 'GPU'",
    ],
)

add(
    r'''
    def censor(text, word):
        """Replace every occurrence of word in text with asterisks of the same length.

        >>> censor('what the heck', 'heck')
        'what the ****'
        >>> censor('darn it', 'darn')
        '**** it'
        """
    ''',
    """
    return text.replace(word, '*' * len(word))
    """,
    [
        "assert censor('all clean', 'heck') == 'all clean'",
        "assert censor('bad bad bad', 'bad') == '*** *** ***'",
    ],
)

add(
    r'''
    def zero_pad(number: int, width: int) -> str:
        """Format a non-negative number with leading zeros to the given width.

        >>> zero_pad(7, 3)
        '007'
        >>> zero_pad(42, 5)
        '00042'
        """
    ''',
    """
    return str(number).zfill(width)
    """,
    [
        "assert zero_pad(1234, 2) == '1234'",
        "assert zero_pad(0, 1) == '0'",
        "assert zero_pad(5, 2) == '05'",
    ],
)

add(
    r'''
    def mask_card(number: str) -> str:
        """Mask a card number, showing only its last four digits.

        >>> mask_card('1234567812345678')
        '************5678'
        >>> mask_card('4111111111111111')
        '************1111'
        """
    ''',
    """
    return '*' * (len(number) - 4) + number[-4:]
    """,
    [
        "assert mask_card('1234') == '1234'",
        "assert mask_card('12345') == '*2345'",
        "assert mask_card('378282246310005') == '***********0005'",
    ],
)

add(
    r'''
    def count_vowels(text):
        """Count the vowels (a, e, i, o, u) in text, ignoring case.

        >>> count_vowels('hello')
        2
        >>> count_vowels('sky')
        0
        """
    ''',
    """
    return sum(1 for c in text.lower() if c in 'aeiou')
    """,
    [
        "assert count_vowels('AEIOU') == 5",
        "assert count_vowels('') == 0",
        "assert count_vowels('Programming') == 3",
    ],
)

add(
    r'''
    def is_anagram(a: str, b: str) -> bool:
        """Return True if a and b use the same letters, ignoring case and spaces.

        >>> is_anagram('listen', 'silent')
        True
        >>> is_anagram('hello', 'world')
        False
        >>> is_anagram('Astronomer', 'Moon starer')
        True
        """
    ''',
    """
    def key(s):
        return sorted(s.replace(' ', '').lower())
    return key(a) == key(b)
    """,
    [
        "assert is_anagram('a', 'a') == True",
        "assert is_anagram('ab', 'abb') == False",
        "assert is_anagram('Dormitory', 'Dirty room') == True",
    ],
)

add(
    r'''
    def most_common_word(text: str) -> str:
        """Return the most frequent word; on a tie, the one that appears first.

        >>> most_common_word('the cat and the hat')
        'the'
        >>> most_common_word('go go stop')
        'go'
        """
    ''',
    """
    from collections import Counter
    return Counter(text.split()).most_common(1)[0][0]
    """,
    [
        "assert most_common_word('one') == 'one'",
        "assert most_common_word('b a a b') == 'b'",
        "assert most_common_word('x y z z y z') == 'z'",
    ],
)

add(
    r'''
    def common_prefix(words):
        """Return the longest prefix shared by all the words.

        >>> common_prefix(['flower', 'flow', 'flight'])
        'fl'
        >>> common_prefix(['interview', 'internet'])
        'inter'
        """
    ''',
    """
    if not words:
        return ''
    prefix = words[0]
    for w in words[1:]:
        while not w.startswith(prefix):
            prefix = prefix[:-1]
    return prefix
    """,
    [
        "assert common_prefix([]) == ''",
        "assert common_prefix(['alone']) == 'alone'",
        "assert common_prefix(['dog', 'car']) == ''",
    ],
)

add(
    r'''
    def sentence_case(text: str) -> str:
        """Capitalize the first letter and lower-case the rest.

        >>> sentence_case('hELLO wORLD')
        'Hello world'
        >>> sentence_case('GOOD MORNING')
        'Good morning'
        """
    ''',
    """
    return text.capitalize()
    """,
    [
        "assert sentence_case('') == ''",
        "assert sentence_case('a') == 'A'",
        "assert sentence_case('already fine') == 'Already fine'",
    ],
)

add(
    r'''
    def ordinal(n: int) -> str:
        """Return n with its English ordinal suffix.

        >>> ordinal(1)
        '1st'
        >>> ordinal(2)
        '2nd'
        >>> ordinal(4)
        '4th'
        """
    ''',
    """
    if 10 <= n % 100 <= 20:
        suffix = 'th'
    else:
        suffix = {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')
    return f'{n}{suffix}'
    """,
    [
        "assert ordinal(3) == '3rd'",
        "assert ordinal(11) == '11th'",
        "assert ordinal(22) == '22nd'",
        "assert ordinal(101) == '101st'",
    ],
)

add(
    r'''
    def join_with_and(items: list[str]) -> str:
        """Join names as in English: 'a', 'a and b', 'a, b and c'.

        >>> join_with_and(['Ann'])
        'Ann'
        >>> join_with_and(['Ann', 'Bob'])
        'Ann and Bob'
        >>> join_with_and(['Ann', 'Bob', 'Cy'])
        'Ann, Bob and Cy'
        """
    ''',
    """
    if len(items) <= 1:
        return ''.join(items)
    return ', '.join(items[:-1]) + ' and ' + items[-1]
    """,
    [
        "assert join_with_and([]) == ''",
        "assert join_with_and(['a', 'b', 'c', 'd']) == 'a, b, c and d'",
    ],
)

add(
    r'''
    def format_currency(amount: float) -> str:
        """Format an amount in dollars with thousands separators and two decimals.

        >>> format_currency(1234.5)
        '$1,234.50'
        >>> format_currency(3)
        '$3.00'
        """
    ''',
    """
    return f'${amount:,.2f}'
    """,
    [
        "assert format_currency(0) == '$0.00'",
        "assert format_currency(1000000) == '$1,000,000.00'",
        "assert format_currency(19.999) == '$20.00'",
    ],
)

add(
    r'''
    def remove_punctuation(text: str) -> str:
        """Remove punctuation characters, keeping letters, digits and spaces.

        >>> remove_punctuation('Hello, world!')
        'Hello world'
        >>> remove_punctuation('Wait... what?')
        'Wait what'
        """
    ''',
    """
    return ''.join(c for c in text if c.isalnum() or c == ' ')
    """,
    [
        "assert remove_punctuation('') == ''",
        "assert remove_punctuation('no punctuation') == 'no punctuation'",
        "assert remove_punctuation('It costs $5.') == 'It costs 5'",
    ],
)

# ---------------------------------------------------------------- math and numbers

add(
    r'''
    def percent_change(old: float, new: float) -> float:
        """Return the percentage change from old to new.

        >>> percent_change(100, 150)
        50.0
        >>> percent_change(200, 150)
        -25.0
        """
    ''',
    """
    return (new - old) / old * 100
    """,
    [
        "assert percent_change(50, 50) == 0.0",
        "assert percent_change(10, 25) == 150.0",
        "assert percent_change(80, 20) == -75.0",
    ],
)

add(
    r'''
    def median(numbers):
        """Return the median of a non-empty list of numbers.

        >>> median([3, 1, 2])
        2
        >>> median([1, 2, 3, 4])
        2.5
        """
    ''',
    """
    s = sorted(numbers)
    mid = len(s) // 2
    if len(s) % 2:
        return s[mid]
    return (s[mid - 1] + s[mid]) / 2
    """,
    [
        "assert median([5]) == 5",
        "assert median([1, 10]) == 5.5",
        "assert median([9, 4, 7, 1, 3]) == 4",
    ],
)

add(
    r'''
    def normalize(values: list[float]) -> list[float]:
        """Scale values linearly so the smallest becomes 0.0 and the largest 1.0.

        >>> normalize([0, 5, 10])
        [0.0, 0.5, 1.0]
        >>> normalize([2, 4])
        [0.0, 1.0]
        """
    ''',
    """
    low, high = min(values), max(values)
    return [(v - low) / (high - low) for v in values]
    """,
    [
        "assert normalize([1, 2, 3, 5]) == [0.0, 0.25, 0.5, 1.0]",
        "assert normalize([10, 0]) == [1.0, 0.0]",
        "assert normalize([-5, 5]) == [0.0, 1.0]",
    ],
)

add(
    r'''
    def running_total(numbers):
        """Return the running totals of the numbers.

        >>> running_total([1, 2, 3])
        [1, 3, 6]
        >>> running_total([10, 5])
        [10, 15]
        """
    ''',
    """
    totals = []
    total = 0
    for n in numbers:
        total += n
        totals.append(total)
    return totals
    """,
    [
        "assert running_total([]) == []",
        "assert running_total([5, -2, 4]) == [5, 3, 7]",
    ],
)

add(
    r'''
    def lcm(a: int, b: int) -> int:
        """Return the least common multiple of two positive integers.

        >>> lcm(4, 6)
        12
        >>> lcm(3, 5)
        15
        """
    ''',
    """
    import math
    return a * b // math.gcd(a, b)
    """,
    [
        "assert lcm(7, 7) == 7",
        "assert lcm(12, 18) == 36",
        "assert lcm(1, 9) == 9",
    ],
)

add(
    r'''
    def hypotenuse(a, b):
        """Return the length of the hypotenuse of a right triangle with legs a and b.

        >>> hypotenuse(3, 4)
        5.0
        >>> hypotenuse(5, 12)
        13.0
        """
    ''',
    """
    return (a * a + b * b) ** 0.5
    """,
    [
        "assert hypotenuse(6, 8) == 10.0",
        "assert hypotenuse(0, 0) == 0.0",
        "assert hypotenuse(8, 15) == 17.0",
    ],
)

add(
    r'''
    def compound_interest(principal: float, rate: float, years: int) -> float:
        """Return the balance after compounding yearly, rounded to cents.

        >>> compound_interest(1000, 0.05, 2)
        1102.5
        >>> compound_interest(500, 0.1, 1)
        550.0
        """
    ''',
    """
    return round(principal * (1 + rate) ** years, 2)
    """,
    [
        "assert compound_interest(1000, 0, 5) == 1000.0",
        "assert compound_interest(100, 0.1, 3) == 133.1",
        "assert compound_interest(2000, 0.03, 0) == 2000.0",
    ],
)

add(
    r'''
    def weighted_average(values, weights):
        """Return the average of values weighted by weights.

        >>> weighted_average([1, 2, 3], [1, 1, 2])
        2.25
        >>> weighted_average([10, 20], [1, 1])
        15.0
        """
    ''',
    """
    return sum(v * w for v, w in zip(values, weights)) / sum(weights)
    """,
    [
        "assert weighted_average([5], [2]) == 5.0",
        "assert weighted_average([10, 20], [3, 1]) == 12.5",
    ],
)

add(
    r'''
    def round_to_nearest(value: int, step: int) -> int:
        """Round value to the nearest multiple of step.

        >>> round_to_nearest(17, 5)
        15
        >>> round_to_nearest(23, 10)
        20
        >>> round_to_nearest(8, 5)
        10
        """
    ''',
    """
    return round(value / step) * step
    """,
    [
        "assert round_to_nearest(0, 5) == 0",
        "assert round_to_nearest(99, 25) == 100",
        "assert round_to_nearest(12, 4) == 12",
    ],
)

add(
    r'''
    def next_multiple(n, k):
        """Return the smallest multiple of k that is at least n.

        >>> next_multiple(7, 5)
        10
        >>> next_multiple(10, 5)
        10
        """
    ''',
    """
    return -(-n // k) * k
    """,
    [
        "assert next_multiple(0, 3) == 0",
        "assert next_multiple(1, 4) == 4",
        "assert next_multiple(13, 13) == 13",
        "assert next_multiple(101, 20) == 120",
    ],
)

add(
    r'''
    def digits_of(n: int) -> list[int]:
        """Return the decimal digits of a non-negative integer.

        >>> digits_of(1234)
        [1, 2, 3, 4]
        >>> digits_of(90)
        [9, 0]
        """
    ''',
    """
    return [int(d) for d in str(n)]
    """,
    [
        "assert digits_of(0) == [0]",
        "assert digits_of(7) == [7]",
        "assert digits_of(100200) == [1, 0, 0, 2, 0, 0]",
    ],
)

add(
    r'''
    def fizzbuzz(n):
        """Return 'Fizz' for multiples of 3, 'Buzz' for multiples of 5,
        'FizzBuzz' for multiples of both, and the number as a string otherwise.

        >>> fizzbuzz(3)
        'Fizz'
        >>> fizzbuzz(5)
        'Buzz'
        >>> fizzbuzz(7)
        '7'
        """
    ''',
    """
    if n % 15 == 0:
        return 'FizzBuzz'
    if n % 3 == 0:
        return 'Fizz'
    if n % 5 == 0:
        return 'Buzz'
    return str(n)
    """,
    [
        "assert fizzbuzz(15) == 'FizzBuzz'",
        "assert fizzbuzz(1) == '1'",
        "assert fizzbuzz(9) == 'Fizz'",
        "assert fizzbuzz(20) == 'Buzz'",
    ],
)

add(
    r'''
    def age_group(age: int) -> str:
        """Return 'child' under 13, 'teen' from 13 to 19, and 'adult' from 20.

        >>> age_group(8)
        'child'
        >>> age_group(15)
        'teen'
        >>> age_group(30)
        'adult'
        """
    ''',
    """
    if age < 13:
        return 'child'
    if age < 20:
        return 'teen'
    return 'adult'
    """,
    [
        "assert age_group(13) == 'teen'",
        "assert age_group(19) == 'teen'",
        "assert age_group(20) == 'adult'",
        "assert age_group(0) == 'child'",
    ],
)

add(
    r'''
    def letter_grade(score):
        """Return 'A' for 90 and up, 'B' for 80-89, 'C' for 70-79, 'D' for 60-69, else 'F'.

        >>> letter_grade(95)
        'A'
        >>> letter_grade(82)
        'B'
        >>> letter_grade(40)
        'F'
        """
    ''',
    """
    if score >= 90:
        return 'A'
    if score >= 80:
        return 'B'
    if score >= 70:
        return 'C'
    if score >= 60:
        return 'D'
    return 'F'
    """,
    [
        "assert letter_grade(90) == 'A'",
        "assert letter_grade(70) == 'C'",
        "assert letter_grade(65) == 'D'",
        "assert letter_grade(100) == 'A'",
    ],
)

add(
    r'''
    def shipping_cost(weight_kg: float) -> float:
        """Flat 5.0 up to 1 kg, plus 2.0 for every started kilogram above that.

        >>> shipping_cost(0.5)
        5.0
        >>> shipping_cost(3)
        9.0
        """
    ''',
    """
    import math
    if weight_kg <= 1:
        return 5.0
    return 5.0 + 2.0 * math.ceil(weight_kg - 1)
    """,
    [
        "assert shipping_cost(1) == 5.0",
        "assert shipping_cost(1.2) == 7.0",
        "assert shipping_cost(10) == 23.0",
    ],
)

add(
    r'''
    def discount_price(price, percent):
        """Apply a percentage discount and round to cents.

        >>> discount_price(100, 20)
        80.0
        >>> discount_price(19.99, 10)
        17.99
        """
    ''',
    """
    return round(price * (100 - percent) / 100, 2)
    """,
    [
        "assert discount_price(50, 0) == 50.0",
        "assert discount_price(80, 100) == 0.0",
        "assert discount_price(250, 15) == 212.5",
    ],
)

add(
    r'''
    def split_bill(total: float, tip_percent: float, people: int) -> float:
        """Return what each person pays when the bill plus tip is split evenly, rounded to cents.

        >>> split_bill(100, 20, 4)
        30.0
        >>> split_bill(50, 10, 2)
        27.5
        """
    ''',
    """
    return round(total * (1 + tip_percent / 100) / people, 2)
    """,
    [
        "assert split_bill(90, 0, 3) == 30.0",
        "assert split_bill(60, 15, 1) == 69.0",
        "assert split_bill(100, 10, 3) == 36.67",
    ],
)

add(
    r'''
    def is_power_of_two(n: int) -> bool:
        """Return True if n is a power of two.

        >>> is_power_of_two(8)
        True
        >>> is_power_of_two(6)
        False
        >>> is_power_of_two(1)
        True
        """
    ''',
    """
    return n > 0 and n & (n - 1) == 0
    """,
    [
        "assert is_power_of_two(0) == False",
        "assert is_power_of_two(1024) == True",
        "assert is_power_of_two(12) == False",
    ],
)

add(
    r'''
    def days_in_month(month: int, year: int) -> int:
        """Return the number of days in the month of the given year.

        >>> days_in_month(2, 2024)
        29
        >>> days_in_month(4, 2023)
        30
        >>> days_in_month(1, 2023)
        31
        """
    ''',
    """
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31
    """,
    [
        "assert days_in_month(2, 2023) == 28",
        "assert days_in_month(12, 2020) == 31",
        "assert days_in_month(2, 1900) == 28",
        "assert days_in_month(9, 2024) == 30",
    ],
)

add(
    r'''
    def count_errors(lines):
        """Count the log lines that start with 'ERROR'.

        >>> count_errors(['ERROR disk full', 'INFO started', 'ERROR timeout'])
        2
        >>> count_errors(['INFO ok'])
        0
        """
    ''',
    """
    return sum(1 for line in lines if line.startswith('ERROR'))
    """,
    [
        "assert count_errors([]) == 0",
        "assert count_errors(['WARN low memory', 'ERROR: crashed']) == 1",
        "assert count_errors(['ERROR a', 'ERROR b', 'ERROR c']) == 3",
    ],
)

add(
    r'''
    def total_seconds(hms: str) -> int:
        """Convert an 'HH:MM:SS' string to a number of seconds.

        >>> total_seconds('01:02:03')
        3723
        >>> total_seconds('00:00:45')
        45
        """
    ''',
    """
    hours, minutes, seconds = (int(part) for part in hms.split(':'))
    return hours * 3600 + minutes * 60 + seconds
    """,
    [
        "assert total_seconds('10:00:00') == 36000",
        "assert total_seconds('00:01:00') == 60",
        "assert total_seconds('00:00:00') == 0",
    ],
)

# ---------------------------------------------------------------- lists

add(
    r'''
    def chunk(items: list, size: int) -> list[list]:
        """Split items into consecutive chunks of the given size (the last may be shorter).

        >>> chunk([1, 2, 3, 4, 5], 2)
        [[1, 2], [3, 4], [5]]
        >>> chunk(['a', 'b', 'c'], 3)
        [['a', 'b', 'c']]
        """
    ''',
    """
    return [items[i:i + size] for i in range(0, len(items), size)]
    """,
    [
        "assert chunk([], 2) == []",
        "assert chunk([1, 2], 5) == [[1, 2]]",
        "assert chunk([1, 2, 3, 4], 1) == [[1], [2], [3], [4]]",
    ],
)

add(
    r'''
    def flatten(nested):
        """Flatten a list of lists by one level.

        >>> flatten([[1, 2], [3], []])
        [1, 2, 3]
        >>> flatten([['a'], ['b', 'c']])
        ['a', 'b', 'c']
        """
    ''',
    """
    return [x for sub in nested for x in sub]
    """,
    [
        "assert flatten([]) == []",
        "assert flatten([[], []]) == []",
        "assert flatten([[1], [2], [3, 4, 5]]) == [1, 2, 3, 4, 5]",
    ],
)

add(
    r'''
    def differences(numbers: list[int]) -> list[int]:
        """Return the differences between consecutive numbers.

        >>> differences([1, 4, 9])
        [3, 5]
        >>> differences([10, 7, 7])
        [-3, 0]
        """
    ''',
    """
    return [b - a for a, b in zip(numbers, numbers[1:])]
    """,
    [
        "assert differences([5]) == []",
        "assert differences([]) == []",
        "assert differences([0, 2, 4, 8, 16]) == [2, 2, 4, 8]",
    ],
)

add(
    r'''
    def rotate_left(items, k):
        """Rotate the list left by k positions.

        >>> rotate_left([1, 2, 3, 4], 1)
        [2, 3, 4, 1]
        >>> rotate_left(['a', 'b', 'c'], 2)
        ['c', 'a', 'b']
        """
    ''',
    """
    if not items:
        return []
    k %= len(items)
    return items[k:] + items[:k]
    """,
    [
        "assert rotate_left([1, 2, 3], 0) == [1, 2, 3]",
        "assert rotate_left([1, 2, 3], 3) == [1, 2, 3]",
        "assert rotate_left([1, 2, 3], 4) == [2, 3, 1]",
        "assert rotate_left([], 2) == []",
    ],
)

add(
    r'''
    def top_scorers(scores: dict[str, int], n: int) -> list[str]:
        """Return the names of the n highest scores, best first.

        >>> top_scorers({'ann': 90, 'bob': 75, 'cy': 82}, 2)
        ['ann', 'cy']
        >>> top_scorers({'x': 1, 'y': 3}, 1)
        ['y']
        """
    ''',
    """
    return sorted(scores, key=scores.get, reverse=True)[:n]
    """,
    [
        "assert top_scorers({'a': 5}, 0) == []",
        "assert top_scorers({'a': 1, 'b': 2}, 5) == ['b', 'a']",
        "assert top_scorers({}, 3) == []",
    ],
)

add(
    r'''
    def min_max(numbers):
        """Return the smallest and the largest number as a tuple.

        >>> min_max([3, 1, 4])
        (1, 4)
        >>> min_max([10, 20])
        (10, 20)
        """
    ''',
    """
    return (min(numbers), max(numbers))
    """,
    [
        "assert min_max([7]) == (7, 7)",
        "assert min_max([-2, -9, 0]) == (-9, 0)",
    ],
)

add(
    r'''
    def split_name(full_name: str) -> tuple[str, str]:
        """Split a full name into the first name and the rest.

        >>> split_name('Ada Lovelace')
        ('Ada', 'Lovelace')
        >>> split_name('Alan Turing')
        ('Alan', 'Turing')
        """
    ''',
    """
    first, _, rest = full_name.partition(' ')
    return (first, rest)
    """,
    [
        "assert split_name('Mary Ann Evans') == ('Mary', 'Ann Evans')",
        "assert split_name('Cher') == ('Cher', '')",
    ],
)

add(
    r'''
    def split_even_odd(numbers):
        """Return (evens, odds) from the list, keeping the order.

        >>> split_even_odd([1, 2, 3, 4])
        ([2, 4], [1, 3])
        >>> split_even_odd([5, 6])
        ([6], [5])
        """
    ''',
    """
    evens = [n for n in numbers if n % 2 == 0]
    odds = [n for n in numbers if n % 2 != 0]
    return (evens, odds)
    """,
    [
        "assert split_even_odd([]) == ([], [])",
        "assert split_even_odd([-3, -2, 0]) == ([-2, 0], [-3])",
    ],
)

add(
    r'''
    def find_user(users: list[dict], name: str) -> dict | None:
        """Return the first user dict whose 'name' matches, or None.

        >>> find_user([{'name': 'ann', 'id': 1}, {'name': 'bob', 'id': 2}], 'bob')
        {'name': 'bob', 'id': 2}
        >>> find_user([{'name': 'ann', 'id': 1}], 'zed')
        None
        """
    ''',
    """
    for user in users:
        if user.get('name') == name:
            return user
    return None
    """,
    [
        "assert find_user([], 'ann') == None",
        "assert find_user([{'name': 'a', 'id': 1}, {'name': 'a', 'id': 2}], 'a') == {'name': 'a', 'id': 1}",
    ],
)

add(
    r'''
    def max_by_key(records, key):
        """Return the record with the largest value under key, or None for an empty list.

        >>> max_by_key([{'n': 3}, {'n': 7}, {'n': 5}], 'n')
        {'n': 7}
        >>> max_by_key([], 'n')
        None
        """
    ''',
    """
    if not records:
        return None
    return max(records, key=lambda r: r[key])
    """,
    [
        "assert max_by_key([{'age': 30, 'name': 'x'}], 'age') == {'age': 30, 'name': 'x'}",
        "assert max_by_key([{'p': -1}, {'p': -5}], 'p') == {'p': -1}",
    ],
)

add(
    r'''
    def safe_int(text: str) -> int | None:
        """Parse text as an integer, returning None if it is not a valid number.

        >>> safe_int('42')
        42
        >>> safe_int('abc')
        None
        """
    ''',
    """
    try:
        return int(text)
    except ValueError:
        return None
    """,
    [
        "assert safe_int('-3') == -3",
        "assert safe_int('') == None",
        "assert safe_int(' 7 ') == 7",
        "assert safe_int('4.5') == None",
    ],
)

add(
    r'''
    def sort_by_age(people):
        """Sort (name, age) pairs by age, youngest first.

        >>> sort_by_age([('ann', 30), ('bob', 25)])
        [('bob', 25), ('ann', 30)]
        >>> sort_by_age([('cy', 40)])
        [('cy', 40)]
        """
    ''',
    """
    return sorted(people, key=lambda p: p[1])
    """,
    [
        "assert sort_by_age([]) == []",
        "assert sort_by_age([('a', 3), ('b', 1), ('c', 2)]) == [('b', 1), ('c', 2), ('a', 3)]",
    ],
)

add(
    r'''
    def interleave(a: list, b: list) -> list:
        """Alternate the items of two lists; leftovers of the longer one go at the end.

        >>> interleave([1, 2, 3], ['a', 'b', 'c'])
        [1, 'a', 2, 'b', 3, 'c']
        >>> interleave([1, 2], ['x'])
        [1, 'x', 2]
        """
    ''',
    """
    result = []
    for i in range(max(len(a), len(b))):
        if i < len(a):
            result.append(a[i])
        if i < len(b):
            result.append(b[i])
    return result
    """,
    [
        "assert interleave([], []) == []",
        "assert interleave([], [1, 2]) == [1, 2]",
        "assert interleave([1], [2, 3, 4]) == [1, 2, 3, 4]",
    ],
)

# ---------------------------------------------------------------- validation predicates

add(
    r'''
    def is_valid_email(email: str) -> bool:
        """Return True if email has one '@', something before it and a dot in the domain.

        >>> is_valid_email('a@b.com')
        True
        >>> is_valid_email('nope')
        False
        >>> is_valid_email('x@localhost')
        False
        """
    ''',
    """
    if email.count('@') != 1:
        return False
    local, domain = email.split('@')
    return bool(local) and '.' in domain
    """,
    [
        "assert is_valid_email('@b.com') == False",
        "assert is_valid_email('first.last@mail.co.uk') == True",
        "assert is_valid_email('a@@b.com') == False",
    ],
)

add(
    r'''
    def is_strong_password(password):
        """At least 8 characters, with at least one digit and one upper-case letter.

        >>> is_strong_password('Passw0rdX')
        True
        >>> is_strong_password('password')
        False
        >>> is_strong_password('Sh0rt')
        False
        """
    ''',
    """
    return (
        len(password) >= 8
        and any(c.isdigit() for c in password)
        and any(c.isupper() for c in password)
    )
    """,
    [
        "assert is_strong_password('PASSWORD1') == True",
        "assert is_strong_password('Password') == False",
        "assert is_strong_password('abcdefg1') == False",
        "assert is_strong_password('') == False",
    ],
)

add(
    r'''
    def is_hex_color(value: str) -> bool:
        """Return True for a color like '#1a2B3c': '#' followed by exactly six hex digits.

        >>> is_hex_color('#1a2B3c')
        True
        >>> is_hex_color('123456')
        False
        >>> is_hex_color('#12345')
        False
        """
    ''',
    """
    return (
        len(value) == 7
        and value[0] == '#'
        and all(c in '0123456789abcdefABCDEF' for c in value[1:])
    )
    """,
    [
        "assert is_hex_color('#ABCDEF') == True",
        "assert is_hex_color('#GGGGGG') == False",
        "assert is_hex_color('#fff') == False",
        "assert is_hex_color('') == False",
    ],
)

add(
    r'''
    def is_zip_code(code):
        """Return True if code is a five-digit US ZIP code.

        >>> is_zip_code('12345')
        True
        >>> is_zip_code('1234')
        False
        >>> is_zip_code('abcde')
        False
        """
    ''',
    """
    return len(code) == 5 and code.isdigit()
    """,
    [
        "assert is_zip_code('123456') == False",
        "assert is_zip_code('00501') == True",
        "assert is_zip_code('') == False",
    ],
)

add(
    r'''
    def is_ipv4(address: str) -> bool:
        """Return True if address is a dotted IPv4 address (four numbers from 0 to 255).

        >>> is_ipv4('192.168.0.1')
        True
        >>> is_ipv4('256.1.1.1')
        False
        >>> is_ipv4('1.2.3')
        False
        """
    ''',
    """
    parts = address.split('.')
    return len(parts) == 4 and all(p.isdigit() and int(p) <= 255 for p in parts)
    """,
    [
        "assert is_ipv4('0.0.0.0') == True",
        "assert is_ipv4('a.b.c.d') == False",
        "assert is_ipv4('10.0.0.255') == True",
        "assert is_ipv4('1.2.3.4.5') == False",
    ],
)

add(
    r'''
    def in_range(value, low, high):
        """Return True if low <= value <= high.

        >>> in_range(5, 1, 10)
        True
        >>> in_range(0, 1, 10)
        False
        """
    ''',
    """
    return low <= value <= high
    """,
    [
        "assert in_range(1, 1, 10) == True",
        "assert in_range(10, 1, 10) == True",
        "assert in_range(11, 1, 10) == False",
        "assert in_range(-3, -5, 0) == True",
    ],
)

add(
    r'''
    def is_weekend(day: str) -> bool:
        """Return True if the day name is Saturday or Sunday (any capitalization).

        >>> is_weekend('Saturday')
        True
        >>> is_weekend('Monday')
        False
        """
    ''',
    """
    return day.lower() in ('saturday', 'sunday')
    """,
    [
        "assert is_weekend('Sunday') == True",
        "assert is_weekend('sunday') == True",
        "assert is_weekend('Friday') == False",
    ],
)

add(
    r'''
    def has_required_fields(record: dict, fields: list[str]) -> bool:
        """Return True if every field name in fields is a key of record.

        >>> has_required_fields({'name': 'a', 'email': 'b'}, ['name', 'email'])
        True
        >>> has_required_fields({'name': 'a'}, ['name', 'email'])
        False
        """
    ''',
    """
    return all(f in record for f in fields)
    """,
    [
        "assert has_required_fields({}, []) == True",
        "assert has_required_fields({}, ['id']) == False",
        "assert has_required_fields({'id': None, 'x': 1}, ['id']) == True",
    ],
)


# ---------------------------------------------------------------- generation and checks


def function_name(stub: str) -> str:
    first = stub.splitlines()[0]
    return first[len("def ") : first.index("(")]


def doctest_pairs(stub: str) -> list[tuple[str, str]]:
    """The (call, expected text) pairs of the stub's doctest lines."""
    lines = [line.strip() for line in stub.splitlines()]
    pairs = []
    for i, line in enumerate(lines):
        if line.startswith(">>> "):
            pairs.append((line[4:], lines[i + 1]))
    return pairs


def check(stub: str, body: str, hidden: list[str]) -> list[str]:
    """Run the reference in CPython; return the failures."""
    source = stub + textwrap.indent(body.strip("\n") + "\n", "    ")
    namespace: dict = {}
    try:
        exec(compile(source, "<reference>", "exec"), namespace)  # noqa: S102 - own reference code
    except Exception as e:  # noqa: BLE001 - report any failure of the reference
        return [f"reference does not load: {e!r}"]
    failures = []
    pairs = doctest_pairs(stub)
    if not 2 <= len(pairs) <= 4:
        failures.append(f"{len(pairs)} doctest examples")
    for call, expected in pairs:
        try:
            got = repr(eval(call, namespace))
        except Exception as e:  # noqa: BLE001
            got = f"raised {e!r}"
        if got != expected:
            failures.append(f"doctest {call}: expected {expected}, got {got}")
    if not 2 <= len(hidden) <= 4:
        failures.append(f"{len(hidden)} hidden tests")
    for test in hidden:
        try:
            exec(test, dict(namespace))  # noqa: S102 - own hidden asserts
        except Exception as e:  # noqa: BLE001
            failures.append(f"hidden {test}: {e!r}")
    return failures


def result_kind(stub: str, body: str, hidden: list[str]) -> str:
    """The return type as a user would name it, from the given examples' results."""
    expected = [e for _, e in doctest_pairs(stub)]
    results = [eval(e) for e in expected]
    if any(r is None for r in results) or any("== None" in t for t in hidden):
        return "Optional"
    kinds = {type(r).__name__ for r in results}
    if kinds == {"int", "float"}:
        return "int|float"
    return kinds.pop()


def main() -> int:
    rows = []
    failed = False
    names = set()
    for stub, body, hidden in ENTRIES:
        name = function_name(stub)
        if name in names:
            print(f"{name}: duplicate function name", file=sys.stderr)
            failed = True
        names.add(name)
        for failure in check(stub, body, hidden):
            print(f"{name}: {failure}", file=sys.stderr)
            failed = True
        given = [
            f"assert {call} == {expected}" for call, expected in doctest_pairs(stub)
        ]
        rows.append(
            {
                "id": f"blind-{name}",
                "function": name,
                "stub": stub,
                "given_tests": given,
                "hidden_tests": hidden,
                "setup": "",
            }
        )
    if failed:
        print("refusing to write: a reference fails its examples", file=sys.stderr)
        return 1
    with OUT.open("w") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    kinds = Counter(result_kind(*entry) for entry in ENTRIES)
    print(f"wrote {len(rows)} stubs to {OUT}")
    print("by return type: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

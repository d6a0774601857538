"""Write tests/bench/everyday_blind3.jsonl: 100 held-out everyday tasks.

Each task carries a reference body. Before anything is written, every stub is
completed with its reference body and run in a fresh `python3` subprocess
against its given and hidden asserts, its docstring examples are parsed back
and compared with the given tests, and every example's expected text must be
the repr of the reference result (doctest-style stubs are also run through
doctest). The file is only written when all 100 tasks pass.

Run: python3 tests/bench/make_blind3.py
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).with_name("everyday_blind3.jsonl")

BANNED = {
    "is_success", "parse_bool", "weighted_average", "is_power_of_two",
    "count_errors", "rotate_left", "split_name", "common_prefix", "normalize",
    "shipping_cost", "discount_price", "is_anagram", "is_newer_version",
    "slugify", "acronym", "fizzbuzz", "letter_grade",
}

Case = tuple[str, str]  # (call source, expected value source)


@dataclass(frozen=True)
class Task:
    name: str
    sig: str  # parameters and return annotation, e.g. "(n: int) -> str"
    doc: str
    examples: list[Case]
    hidden: list[Case]
    body: str
    arrow: bool = False

    def stub(self) -> str:
        desc = textwrap.wrap(self.doc, width=72)
        lines = [f"def {self.name}{self.sig}:", f'    """{desc[0]}']
        lines += [f"    {line}" for line in desc[1:]]
        lines.append("")
        for call, expected in self.examples:
            if self.arrow:
                lines.append(f"    {call} -> {expected}")
            else:
                lines += [f"    >>> {call}", f"    {expected}"]
        lines.append('    """')
        return "\n".join(lines) + "\n"

    def given_tests(self) -> list[str]:
        return [f"assert {call} == {expected}" for call, expected in self.examples]

    def hidden_tests(self) -> list[str]:
        return [f"assert {call} == {expected}" for call, expected in self.hidden]


TASKS: list[Task] = [
    # ------------------------------------------------------------------ str
    Task(
        "initials", "(full_name: str) -> str",
        "Return the uppercase first letter of each word in a name.",
        [("initials('ada lovelace')", "'AL'"),
         ("initials('Grace Murray Hopper')", "'GMH'")],
        [("initials('cher')", "'C'"), ("initials('')", "''"),
         ("initials('  jean-luc   picard ')", "'JP'")],
        "return ''.join(word[0].upper() for word in full_name.split())",
    ),
    Task(
        "snake_to_camel", "(name: str) -> str",
        "Convert a snake_case identifier to camelCase.",
        [("snake_to_camel('user_id')", "'userId'"),
         ("snake_to_camel('created_at_utc')", "'createdAtUtc'")],
        [("snake_to_camel('name')", "'name'"), ("snake_to_camel('')", "''"),
         ("snake_to_camel('http_response_code')", "'httpResponseCode'")],
        "first, *rest = name.split('_')\n"
        "return first + ''.join(part.capitalize() for part in rest)",
        arrow=True,
    ),
    Task(
        "camel_to_snake", "(name: str) -> str",
        "Convert a camelCase or PascalCase identifier to snake_case.",
        [("camel_to_snake('userId')", "'user_id'"),
         ("camel_to_snake('createdAtUtc')", "'created_at_utc'")],
        [("camel_to_snake('name')", "'name'"),
         ("camel_to_snake('UserName')", "'user_name'"),
         ("camel_to_snake('')", "''")],
        "return ''.join('_' + c.lower() if c.isupper() else c for c in name).lstrip('_')",
    ),
    Task(
        "mask_email", "(email: str) -> str",
        "Hide an email address's local part behind '*' characters, keeping only "
        "its first character and the domain.",
        [("mask_email('alice@example.com')", "'a****@example.com'"),
         ("mask_email('bob@x.org')", "'b**@x.org'")],
        [("mask_email('a@b.com')", "'a@b.com'"),
         ("mask_email('john.smith@mail.co.uk')", "'j*********@mail.co.uk'")],
        "local, _, domain = email.partition('@')\n"
        "return local[:1] + '*' * (len(local) - 1) + '@' + domain",
    ),
    Task(
        "truncate", "(text: str, limit: int) -> str",
        "Shorten text to at most limit characters, ending it with '...' when it "
        "had to be cut.",
        [("truncate('Hello, world', 8)", "'Hello...'"),
         ("truncate('short', 10)", "'short'")],
        [("truncate('abcdef', 6)", "'abcdef'"),
         ("truncate('abcdefg', 6)", "'abc...'"), ("truncate('', 5)", "''")],
        "return text if len(text) <= limit else text[:limit - 3] + '...'",
    ),
    Task(
        "file_extension", "(filename: str) -> str",
        "Return the lowercase extension of a file name without the dot, or '' "
        "if it has none.",
        [("file_extension('report.PDF')", "'pdf'"),
         ("file_extension('archive.tar.gz')", "'gz'")],
        [("file_extension('README')", "''"),
         ("file_extension('photo.JPEG')", "'jpeg'"),
         ("file_extension('notes.')", "''")],
        "_, dot, ext = filename.rpartition('.')\nreturn ext.lower() if dot else ''",
    ),
    Task(
        "format_invoice_number", "(n: int) -> str",
        "Format an invoice number as 'INV-' followed by the number padded with "
        "zeros to 6 digits.",
        [("format_invoice_number(42)", "'INV-000042'"),
         ("format_invoice_number(123456)", "'INV-123456'")],
        [("format_invoice_number(0)", "'INV-000000'"),
         ("format_invoice_number(1234567)", "'INV-1234567'")],
        "return f'INV-{n:06d}'",
    ),
    Task(
        "format_bytes", "(size: int) -> str",
        "Format a byte count for display using B, KB, MB or GB (1024-based), "
        "with one decimal place above bytes.",
        [("format_bytes(512)", "'512 B'"), ("format_bytes(2048)", "'2.0 KB'"),
         ("format_bytes(5242880)", "'5.0 MB'")],
        [("format_bytes(0)", "'0 B'"), ("format_bytes(1023)", "'1023 B'"),
         ("format_bytes(1536)", "'1.5 KB'"),
         ("format_bytes(3221225472)", "'3.0 GB'")],
        "if size < 1024:\n"
        "    return f'{size} B'\n"
        "value = float(size)\n"
        "for unit in ('KB', 'MB', 'GB'):\n"
        "    value /= 1024\n"
        "    if value < 1024 or unit == 'GB':\n"
        "        return f'{value:.1f} {unit}'\n"
        "return ''",
    ),
    Task(
        "ordinal", "(n: int) -> str",
        "Return the number with its English ordinal suffix.",
        [("ordinal(1)", "'1st'"), ("ordinal(2)", "'2nd'"), ("ordinal(11)", "'11th'")],
        [("ordinal(23)", "'23rd'"), ("ordinal(112)", "'112th'"),
         ("ordinal(101)", "'101st'"), ("ordinal(0)", "'0th'")],
        "suffix = {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')\n"
        "return f\"{n}{'th' if 10 <= n % 100 <= 20 else suffix}\"",
    ),
    Task(
        "format_duration", "(seconds: int) -> str",
        "Format a number of seconds as H:MM:SS.",
        [("format_duration(3661)", "'1:01:01'"), ("format_duration(59)", "'0:00:59'")],
        [("format_duration(0)", "'0:00:00'"), ("format_duration(86400)", "'24:00:00'"),
         ("format_duration(3600)", "'1:00:00'")],
        "hours, rest = divmod(seconds, 3600)\n"
        "minutes, secs = divmod(rest, 60)\n"
        "return f'{hours}:{minutes:02d}:{secs:02d}'",
    ),
    Task(
        "format_money", "(amount: float) -> str",
        "Format an amount as dollars with thousands separators and two decimals; "
        "negative amounts get a leading minus sign.",
        [("format_money(1234.5)", "'$1,234.50'"), ("format_money(0.99)", "'$0.99'")],
        [("format_money(1000000)", "'$1,000,000.00'"),
         ("format_money(-42.5)", "'-$42.50'"), ("format_money(0)", "'$0.00'")],
        "sign = '-' if amount < 0 else ''\nreturn f'{sign}${abs(amount):,.2f}'",
    ),
    Task(
        "collapse_spaces", "(text: str) -> str",
        "Replace every run of whitespace with a single space and trim both ends.",
        [("collapse_spaces('  hello   world ')", "'hello world'"),
         ("collapse_spaces('one two  three')", "'one two three'")],
        [("collapse_spaces('')", "''"), ("collapse_spaces('   ')", "''"),
         ("collapse_spaces('a\\tb\\nc')", "'a b c'")],
        "return ' '.join(text.split())",
        arrow=True,
    ),
    Task(
        "get_domain", "(url: str) -> str",
        "Return the host name of a URL without the scheme, port, path, query or "
        "a leading 'www.'.",
        [("get_domain('https://www.example.com/path')", "'example.com'"),
         ("get_domain('http://api.site.io:8080/v1')", "'api.site.io'")],
        [("get_domain('example.org')", "'example.org'"),
         ("get_domain('https://shop.example.com?q=1')", "'shop.example.com'"),
         ("get_domain('https://www.blog.example.net/a/b')", "'blog.example.net'")],
        "host = url.split('://', 1)[-1]\n"
        "host = host.split('/')[0].split('?')[0].split('#')[0].split(':')[0]\n"
        "return host[4:] if host.startswith('www.') else host",
    ),
    Task(
        "build_query_string", "(params: dict) -> str",
        "Build a URL query string from a dict, with keys in sorted order; values "
        "are not escaped.",
        [("build_query_string({'b': '2', 'a': '1'})", "'a=1&b=2'"),
         ("build_query_string({'q': 'shoes'})", "'q=shoes'")],
        [("build_query_string({})", "''"),
         ("build_query_string({'sort': 'name', 'page': 2})", "'page=2&sort=name'")],
        "return '&'.join(f'{key}={value}' for key, value in sorted(params.items()))",
    ),
    Task(
        "pluralize", "(count: int, noun: str) -> str",
        "Return the count followed by the noun, adding an 's' to the noun unless "
        "the count is exactly 1.",
        [("pluralize(1, 'file')", "'1 file'"), ("pluralize(3, 'file')", "'3 files'")],
        [("pluralize(0, 'message')", "'0 messages'"),
         ("pluralize(-1, 'point')", "'-1 points'"),
         ("pluralize(1000, 'user')", "'1000 users'")],
        "return f\"{count} {noun}{'' if count == 1 else 's'}\"",
        arrow=True,
    ),
    Task(
        "phone_digits", "(phone: str) -> str",
        "Strip a phone number down to its digits.",
        [("phone_digits('(555) 123-4567')", "'5551234567'"),
         ("phone_digits('555.987.6543')", "'5559876543'")],
        [("phone_digits('+1 555 123 4567')", "'15551234567'"),
         ("phone_digits('')", "''"), ("phone_digits('ext')", "''")],
        "return ''.join(c for c in phone if c.isdigit())",
    ),
    Task(
        "date_to_iso", "(date: str) -> str",
        "Convert a 'DD/MM/YYYY' date to 'YYYY-MM-DD'; the day and month may be "
        "written without a leading zero.",
        [("date_to_iso('25/12/2023')", "'2023-12-25'"),
         ("date_to_iso('01/02/2024')", "'2024-02-01'")],
        [("date_to_iso('31/01/1999')", "'1999-01-31'"),
         ("date_to_iso('9/3/2024')", "'2024-03-09'")],
        "day, month, year = date.split('/')\n"
        "return f'{year}-{int(month):02d}-{int(day):02d}'",
    ),
    Task(
        "to_12_hour", "(time: str) -> str",
        "Convert a 24-hour 'HH:MM' time to 12-hour format with AM or PM.",
        [("to_12_hour('15:05')", "'3:05 PM'"), ("to_12_hour('09:30')", "'9:30 AM'")],
        [("to_12_hour('00:00')", "'12:00 AM'"), ("to_12_hour('12:00')", "'12:00 PM'"),
         ("to_12_hour('23:59')", "'11:59 PM'")],
        "hours, minutes = map(int, time.split(':'))\n"
        "return f\"{hours % 12 or 12}:{minutes:02d} {'AM' if hours < 12 else 'PM'}\"",
    ),
    Task(
        "format_name", "(first, last, middle='') -> str",
        "Format a person's name as 'Last, First', adding the middle initial with "
        "a period when a middle name is given.",
        [("format_name('John', 'Smith')", "'Smith, John'"),
         ("format_name('John', 'Smith', 'Paul')", "'Smith, John P.'")],
        [("format_name('ann', 'lee')", "'lee, ann'"),
         ("format_name('Mary', 'Jones-Hill', 'Ann')", "'Jones-Hill, Mary A.'")],
        "name = f'{last}, {first}'\nreturn f'{name} {middle[0]}.' if middle else name",
    ),
    Task(
        "join_url", "(base: str, path: str) -> str",
        "Join a base URL and a path with exactly one slash between them.",
        [("join_url('https://api.x.com/', '/users')", "'https://api.x.com/users'"),
         ("join_url('https://api.x.com', 'users')", "'https://api.x.com/users'")],
        [("join_url('http://h', '')", "'http://h/'"),
         ("join_url('http://h/v1/', 'a/b')", "'http://h/v1/a/b'")],
        "return base.rstrip('/') + '/' + path.lstrip('/')",
        arrow=True,
    ),
    Task(
        "status_label", "(code: int) -> str",
        "Classify an HTTP status code as 'success', 'redirect', 'client error', "
        "'server error' or 'unknown'.",
        [("status_label(201)", "'success'"), ("status_label(404)", "'client error'"),
         ("status_label(503)", "'server error'")],
        [("status_label(301)", "'redirect'"), ("status_label(100)", "'unknown'"),
         ("status_label(600)", "'unknown'"), ("status_label(299)", "'success'")],
        "labels = {2: 'success', 3: 'redirect', 4: 'client error', 5: 'server error'}\n"
        "return labels.get(code // 100, 'unknown')",
    ),
    Task(
        "time_ago", "(seconds: int) -> str",
        "Describe how long ago something happened: 'just now' under a minute, "
        "otherwise whole minutes, hours or days ago.",
        [("time_ago(30)", "'just now'"), ("time_ago(125)", "'2 minutes ago'"),
         ("time_ago(3600)", "'1 hour ago'")],
        [("time_ago(60)", "'1 minute ago'"), ("time_ago(172800)", "'2 days ago'"),
         ("time_ago(86399)", "'23 hours ago'"), ("time_ago(0)", "'just now'")],
        "for size, unit in ((86400, 'day'), (3600, 'hour'), (60, 'minute')):\n"
        "    if seconds >= size:\n"
        "        n = seconds // size\n"
        "        return f\"{n} {unit}{'' if n == 1 else 's'} ago\"\n"
        "return 'just now'",
    ),
    Task(
        "rgb_to_hex", "(r: int, g: int, b: int) -> str",
        "Convert RGB values to a lowercase '#rrggbb' color, clamping each value "
        "to 0-255.",
        [("rgb_to_hex(255, 128, 0)", "'#ff8000'"), ("rgb_to_hex(0, 0, 0)", "'#000000'")],
        [("rgb_to_hex(300, -5, 16)", "'#ff0010'"),
         ("rgb_to_hex(255, 255, 255)", "'#ffffff'")],
        "return '#' + ''.join(f'{max(0, min(255, v)):02x}' for v in (r, g, b))",
    ),
    Task(
        "progress_bar", "(done: int, total: int, width: int = 10) -> str",
        "Draw a text progress bar of the given width, using '#' for the completed "
        "part (rounded down) and '-' for the rest.",
        [("progress_bar(5, 10)", "'[#####-----]'"),
         ("progress_bar(1, 3)", "'[###-------]'")],
        [("progress_bar(0, 5)", "'[----------]'"),
         ("progress_bar(7, 7, width=4)", "'[####]'"),
         ("progress_bar(2, 3, 6)", "'[####--]'")],
        "filled = done * width // total\nreturn '[' + '#' * filled + '-' * (width - filled) + ']'",
    ),
    Task(
        "escape_html", "(text: str) -> str",
        "Escape &, <, > and double quotes so text can be put inside HTML.",
        [("escape_html('<b>')", "'&lt;b&gt;'"),
         ("escape_html('Tom & Jerry')", "'Tom &amp; Jerry'")],
        [("escape_html('')", "''"), ("escape_html('\"hi\"')", "'&quot;hi&quot;'"),
         ("escape_html('a < b && c')", "'a &lt; b &amp;&amp; c'")],
        "for char, entity in (('&', '&amp;'), ('<', '&lt;'), ('>', '&gt;'), ('\"', '&quot;')):\n"
        "    text = text.replace(char, entity)\n"
        "return text",
        arrow=True,
    ),
    Task(
        "add_days", "(date: str, days: int) -> str",
        "Add a number of days to a 'YYYY-MM-DD' date and return the new date in "
        "the same format.",
        [("add_days('2024-02-28', 1)", "'2024-02-29'"),
         ("add_days('2023-12-31', 1)", "'2024-01-01'")],
        [("add_days('2024-03-01', -1)", "'2024-02-29'"),
         ("add_days('2024-01-15', 0)", "'2024-01-15'"),
         ("add_days('2023-01-01', 365)", "'2024-01-01'")],
        "import datetime\n"
        "return (datetime.date.fromisoformat(date) + datetime.timedelta(days=days)).isoformat()",
    ),
    # ------------------------------------------------------------------ int
    Task(
        "count_vowels", "(text: str) -> int",
        "Count the vowels (a, e, i, o, u) in text, ignoring case.",
        [("count_vowels('Hello World')", "3"), ("count_vowels('sky')", "0")],
        [("count_vowels('')", "0"), ("count_vowels('AEIOU')", "5"),
         ("count_vowels('Queueing')", "5")],
        "return sum(1 for c in text.lower() if c in 'aeiou')",
    ),
    Task(
        "word_count", "(text: str) -> int",
        "Count the whitespace-separated words in text.",
        [("word_count('the quick brown fox')", "4"), ("word_count('')", "0")],
        [("word_count('  spaced   out  ')", "2"), ("word_count('one')", "1"),
         ("word_count('well-known fact')", "2")],
        "return len(text.split())",
    ),
    Task(
        "sum_digits", "(n: int) -> int",
        "Return the sum of the decimal digits of n, ignoring its sign.",
        [("sum_digits(1234)", "10"), ("sum_digits(9)", "9")],
        [("sum_digits(0)", "0"), ("sum_digits(-56)", "11"),
         ("sum_digits(1000001)", "2")],
        "return sum(int(d) for d in str(abs(n)))",
    ),
    Task(
        "days_in_month", "(year: int, month: int) -> int",
        "Return the number of days in the given month of the given year.",
        [("days_in_month(2024, 2)", "29"), ("days_in_month(2023, 2)", "28"),
         ("days_in_month(2023, 4)", "30")],
        [("days_in_month(1900, 2)", "28"), ("days_in_month(2000, 2)", "29"),
         ("days_in_month(2023, 12)", "31")],
        "import calendar\nreturn calendar.monthrange(year, month)[1]",
    ),
    Task(
        "age_in_years", "(birth_date: str, today: str) -> int",
        "Return someone's age in whole years on the date today; both dates are "
        "'YYYY-MM-DD' strings.",
        [("age_in_years('1990-05-15', '2024-05-14')", "33"),
         ("age_in_years('1990-05-15', '2024-05-15')", "34")],
        [("age_in_years('2000-02-29', '2021-02-28')", "20"),
         ("age_in_years('2020-01-01', '2020-06-01')", "0"),
         ("age_in_years('1985-12-31', '2024-01-01')", "38")],
        "by, bm, bd = map(int, birth_date.split('-'))\n"
        "ty, tm, td = map(int, today.split('-'))\n"
        "return ty - by - ((tm, td) < (bm, bd))",
    ),
    Task(
        "duration_to_minutes", "(text: str) -> int",
        "Convert a duration like '1h30m', '45m' or '2h' into a number of minutes.",
        [("duration_to_minutes('1h30m')", "90"), ("duration_to_minutes('45m')", "45"),
         ("duration_to_minutes('2h')", "120")],
        [("duration_to_minutes('0m')", "0"), ("duration_to_minutes('10h5m')", "605"),
         ("duration_to_minutes('1h0m')", "60")],
        "hours, _, rest = text.partition('h') if 'h' in text else ('0', '', text)\n"
        "return int(hours) * 60 + int(rest.rstrip('m') or 0)",
        arrow=True,
    ),
    Task(
        "longest_streak", "(items: list, value) -> int",
        "Return the length of the longest run of consecutive items equal to value.",
        [("longest_streak([1, 1, 0, 1, 1, 1], 1)", "3"),
         ("longest_streak(['W', 'L', 'W'], 'L')", "1")],
        [("longest_streak([], 1)", "0"), ("longest_streak([0, 0], 1)", "0"),
         ("longest_streak(['a', 'a', 'b', 'a'], 'a')", "2")],
        "best = current = 0\n"
        "for item in items:\n"
        "    current = current + 1 if item == value else 0\n"
        "    best = max(best, current)\n"
        "return best",
    ),
    Task(
        "total_quantity", "(lines: list[dict]) -> int",
        "Add up the 'qty' of each order line; a line without 'qty' counts as 1.",
        [("total_quantity([{'sku': 'A', 'qty': 2}, {'sku': 'B'}])", "3"),
         ("total_quantity([{'sku': 'C', 'qty': 5}])", "5")],
        [("total_quantity([])", "0"), ("total_quantity([{'sku': 'D', 'qty': 0}])", "0"),
         ("total_quantity([{}, {}, {'qty': 10}])", "12")],
        "return sum(line.get('qty', 1) for line in lines)",
    ),
    Task(
        "roman_to_int", "(numeral: str) -> int",
        "Convert an uppercase Roman numeral to an integer.",
        [("roman_to_int('XIV')", "14"), ("roman_to_int('MCMXCIV')", "1994")],
        [("roman_to_int('I')", "1"), ("roman_to_int('MMXXIV')", "2024"),
         ("roman_to_int('IX')", "9"), ("roman_to_int('CDXLIV')", "444")],
        "values = {'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}\n"
        "total = 0\n"
        "for current, following in zip(numeral, numeral[1:] + ' '):\n"
        "    v = values[current]\n"
        "    total += -v if values.get(following, 0) > v else v\n"
        "return total",
    ),
    Task(
        "minutes_between", "(start: str, end: str) -> int",
        "Return the number of minutes from start to end, two 'HH:MM' times on the "
        "same day (negative if end is earlier).",
        [("minutes_between('09:15', '10:45')", "90"),
         ("minutes_between('12:00', '12:00')", "0")],
        [("minutes_between('00:00', '23:59')", "1439"),
         ("minutes_between('14:30', '13:00')", "-90")],
        "def to_minutes(t: str) -> int:\n"
        "    h, m = t.split(':')\n"
        "    return int(h) * 60 + int(m)\n"
        "return to_minutes(end) - to_minutes(start)",
    ),
    Task(
        "to_cents", "(price: str) -> int",
        "Convert a price string such as '$1,234.56' to a whole number of cents.",
        [("to_cents('$1,234.56')", "123456"), ("to_cents('0.99')", "99")],
        [("to_cents('$5')", "500"), ("to_cents('12.5')", "1250"),
         ("to_cents('$0.07')", "7")],
        "whole, _, frac = price.replace('$', '').replace(',', '').partition('.')\n"
        "return int(whole or 0) * 100 + int((frac + '00')[:2])",
    ),
    Task(
        "page_count", "(total_items: int, per_page: int) -> int",
        "Return how many pages are needed to show all items.",
        [("page_count(95, 10)", "10"), ("page_count(100, 10)", "10")],
        [("page_count(0, 10)", "0"), ("page_count(1, 25)", "1"),
         ("page_count(101, 10)", "11")],
        "return -(-total_items // per_page)",
    ),
    Task(
        "password_score", "(password: str) -> int",
        "Score a password from 0 to 5: one point each for length of at least 8, a "
        "lowercase letter, an uppercase letter, a digit and any other character.",
        [("password_score('abc')", "1"), ("password_score('Passw0rd!')", "5")],
        [("password_score('')", "0"), ("password_score('password')", "2"),
         ("password_score('PASSWORD1')", "3")],
        "checks = [len(password) >= 8, any(c.islower() for c in password),\n"
        "          any(c.isupper() for c in password), any(c.isdigit() for c in password),\n"
        "          any(not c.isalnum() for c in password)]\n"
        "return sum(checks)",
    ),
    # ----------------------------------------------------------------- bool
    Task(
        "is_valid_email", "(email: str) -> bool",
        "Loosely validate an email: exactly one '@', something before it, and a "
        "dot inside the domain that is neither its first nor its last character.",
        [("is_valid_email('me@example.com')", "True"),
         ("is_valid_email('me@localhost')", "False"),
         ("is_valid_email('a@@b.com')", "False")],
        [("is_valid_email('@example.com')", "False"),
         ("is_valid_email('first.last@sub.domain.org')", "True"),
         ("is_valid_email('me@example.')", "False"),
         ("is_valid_email('')", "False")],
        "local, _, domain = email.partition('@')\n"
        "return bool(local) and '@' not in domain and '.' in domain[1:-1]",
    ),
    Task(
        "is_palindrome", "(text: str) -> bool",
        "Check whether text reads the same backwards, ignoring case, spaces and "
        "punctuation.",
        [("is_palindrome('A man, a plan, a canal: Panama')", "True"),
         ("is_palindrome('hello')", "False")],
        [("is_palindrome('')", "True"), ("is_palindrome('No lemon, no melon')", "True"),
         ("is_palindrome('ab')", "False")],
        "chars = [c.lower() for c in text if c.isalnum()]\nreturn chars == chars[::-1]",
    ),
    Task(
        "is_hex_color", "(color: str) -> bool",
        "Check that a string is a CSS hex color like '#1a2b3c' or '#fff'.",
        [("is_hex_color('#1a2B3c')", "True"), ("is_hex_color('#fff')", "True"),
         ("is_hex_color('fff')", "False")],
        [("is_hex_color('#12345g')", "False"), ("is_hex_color('#1234')", "False"),
         ("is_hex_color('')", "False"), ("is_hex_color('#000000')", "True")],
        "return (len(color) in (4, 7) and color[0] == '#'\n"
        "        and all(c in '0123456789abcdefABCDEF' for c in color[1:]))",
    ),
    Task(
        "is_valid_username", "(name: str) -> bool",
        "A valid username has 3 to 16 ASCII letters, digits or underscores and "
        "does not start with a digit.",
        [("is_valid_username('alice_99')", "True"),
         ("is_valid_username('9lives')", "False"),
         ("is_valid_username('ab')", "False")],
        [("is_valid_username('a' * 16)", "True"),
         ("is_valid_username('a' * 17)", "False"),
         ("is_valid_username('bad-name')", "False"),
         ("is_valid_username('_init')", "True")],
        "return (3 <= len(name) <= 16 and not name[0].isdigit()\n"
        "        and all((c.isascii() and c.isalnum()) or c == '_' for c in name))",
    ),
    Task(
        "is_valid_ipv4", "(address: str) -> bool",
        "Check that a string is a dotted IPv4 address with four numbers from 0 to 255.",
        [("is_valid_ipv4('192.168.0.1')", "True"),
         ("is_valid_ipv4('256.1.1.1')", "False"),
         ("is_valid_ipv4('1.2.3')", "False")],
        [("is_valid_ipv4('0.0.0.0')", "True"), ("is_valid_ipv4('a.b.c.d')", "False"),
         ("is_valid_ipv4('1.2.3.4.5')", "False"), ("is_valid_ipv4('')", "False")],
        "parts = address.split('.')\n"
        "return len(parts) == 4 and all(p.isdigit() and int(p) <= 255 for p in parts)",
    ),
    Task(
        "is_leap_year", "(year: int) -> bool",
        "Return True if year is a leap year in the Gregorian calendar.",
        [("is_leap_year(2024)", "True"), ("is_leap_year(1900)", "False"),
         ("is_leap_year(2000)", "True")],
        [("is_leap_year(2023)", "False"), ("is_leap_year(2400)", "True"),
         ("is_leap_year(2100)", "False")],
        "return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)",
    ),
    Task(
        "is_business_hours", "(time: str) -> bool",
        "Return True if an 'HH:MM' time is between 09:00 and 17:00 (17:00 itself "
        "is closed).",
        [("is_business_hours('09:00')", "True"),
         ("is_business_hours('17:00')", "False"),
         ("is_business_hours('12:30')", "True")],
        [("is_business_hours('08:59')", "False"),
         ("is_business_hours('16:59')", "True"),
         ("is_business_hours('00:00')", "False")],
        "return '09:00' <= time < '17:00'",
    ),
    Task(
        "is_valid_zip", "(code: str) -> bool",
        "Check a US ZIP code: five digits, optionally followed by a hyphen and "
        "four more digits.",
        [("is_valid_zip('12345')", "True"), ("is_valid_zip('12345-6789')", "True"),
         ("is_valid_zip('1234')", "False")],
        [("is_valid_zip('123456789')", "False"), ("is_valid_zip('abcde')", "False"),
         ("is_valid_zip('12345-')", "False"), ("is_valid_zip('')", "False")],
        "head, dash, tail = code.partition('-')\n"
        "ok_head = len(head) == 5 and head.isdigit()\n"
        "return ok_head and (not dash or (len(tail) == 4 and tail.isdigit()))",
    ),
    Task(
        "is_card_expired", "(expiry: str, today: str) -> bool",
        "Return True if a card with expiry 'MM/YY' has expired on today "
        "('YYYY-MM-DD'); a card is valid through the end of its expiry month.",
        [("is_card_expired('12/23', '2024-01-15')", "True"),
         ("is_card_expired('01/24', '2024-01-31')", "False")],
        [("is_card_expired('02/24', '2024-03-01')", "True"),
         ("is_card_expired('12/30', '2024-06-01')", "False"),
         ("is_card_expired('06/24', '2024-06-01')", "False")],
        "month, year = expiry.split('/')\n"
        "return (int(today[:4]), int(today[5:7])) > (2000 + int(year), int(month))",
    ),
    Task(
        "is_blank", "(text: str | None) -> bool",
        "Return True for None, an empty string or a string of only whitespace.",
        [("is_blank(None)", "True"), ("is_blank('   ')", "True"),
         ("is_blank('x')", "False")],
        [("is_blank('')", "True"), ("is_blank(' a ')", "False"),
         ("is_blank('\\t\\n')", "True")],
        "return text is None or not text.strip()",
        arrow=True,
    ),
    Task(
        "is_close_enough", "(a, b, tol=0.01) -> bool",
        "Return True if a and b differ by at most tol.",
        [("is_close_enough(1.0, 1.005)", "True"),
         ("is_close_enough(1.0, 1.02)", "False")],
        [("is_close_enough(5, 5)", "True"),
         ("is_close_enough(100, 101, tol=2)", "True"),
         ("is_close_enough(-1.0, 1.0, 1.5)", "False")],
        "return abs(a - b) <= tol",
    ),
    Task(
        "is_http_url", "(url: str) -> bool",
        "Return True if url starts with http:// or https:// (any case) and has "
        "something after the scheme.",
        [("is_http_url('https://example.com')", "True"),
         ("is_http_url('ftp://files.example.com')", "False")],
        [("is_http_url('http://')", "False"),
         ("is_http_url('HTTPS://EXAMPLE.COM')", "True"),
         ("is_http_url('example.com')", "False")],
        "lower = url.lower()\n"
        "return any(lower.startswith(p) and len(url) > len(p) for p in ('http://', 'https://'))",
    ),
    Task(
        "has_allowed_extension", "(filename: str, allowed: list[str]) -> bool",
        "Check, ignoring case, whether filename ends with one of the allowed "
        "extensions (given without dots).",
        [("has_allowed_extension('photo.JPG', ['jpg', 'png'])", "True"),
         ("has_allowed_extension('doc.pdf', ['jpg', 'png'])", "False")],
        [("has_allowed_extension('jpg', ['jpg'])", "False"),
         ("has_allowed_extension('archive.tar.gz', ['gz'])", "True"),
         ("has_allowed_extension('x.png', [])", "False"),
         ("has_allowed_extension('icon.svg', ['SVG'])", "True")],
        "_, dot, ext = filename.rpartition('.')\n"
        "return bool(dot) and ext.lower() in [a.lower() for a in allowed]",
        arrow=True,
    ),
    Task(
        "is_valid_time", "(text: str) -> bool",
        "Check that text is a 24-hour time written as two-digit 'HH:MM'.",
        [("is_valid_time('23:59')", "True"), ("is_valid_time('24:00')", "False"),
         ("is_valid_time('7:30')", "False")],
        [("is_valid_time('00:00')", "True"), ("is_valid_time('12:60')", "False"),
         ("is_valid_time('ab:cd')", "False"), ("is_valid_time('')", "False")],
        "hours, _, minutes = text.partition(':')\n"
        "if not (len(hours) == 2 == len(minutes) and hours.isdigit() and minutes.isdigit()):\n"
        "    return False\n"
        "return int(hours) < 24 and int(minutes) < 60",
    ),
    Task(
        "passes_luhn", "(number: str) -> bool",
        "Check a card number with the Luhn checksum; spaces are ignored.",
        [("passes_luhn('4111111111111111')", "True"),
         ("passes_luhn('4111111111111112')", "False")],
        [("passes_luhn('4111 1111 1111 1111')", "True"),
         ("passes_luhn('79927398713')", "True"),
         ("passes_luhn('79927398710')", "False")],
        "digits = [int(c) for c in number if c.isdigit()]\n"
        "total = 0\n"
        "for i, d in enumerate(reversed(digits)):\n"
        "    if i % 2:\n"
        "        d = d * 2 - 9 if d > 4 else d * 2\n"
        "    total += d\n"
        "return bool(digits) and total % 10 == 0",
    ),
    # ---------------------------------------------------------------- float
    Task(
        "average", "(numbers: list[float]) -> float",
        "Return the mean of the numbers rounded to 2 decimals, or 0.0 for an "
        "empty list.",
        [("average([1, 2, 3, 4])", "2.5"), ("average([])", "0.0")],
        [("average([1, 1, 2])", "1.33"), ("average([-1, 1])", "0.0"),
         ("average([10])", "10.0")],
        "return round(sum(numbers) / len(numbers), 2) if numbers else 0.0",
    ),
    Task(
        "add_tax", "(price: float, rate: float) -> float",
        "Return the price including tax at the given rate, rounded to cents.",
        [("add_tax(100, 0.08)", "108.0"), ("add_tax(19.99, 0.2)", "23.99")],
        [("add_tax(0, 0.1)", "0.0"), ("add_tax(10, 0)", "10.0"),
         ("add_tax(49.95, 0.0725)", "53.57")],
        "return round(price * (1 + rate), 2)",
    ),
    Task(
        "celsius_to_fahrenheit", "(celsius: float) -> float",
        "Convert Celsius to Fahrenheit, rounded to one decimal place.",
        [("celsius_to_fahrenheit(100)", "212.0"), ("celsius_to_fahrenheit(37)", "98.6")],
        [("celsius_to_fahrenheit(-40)", "-40.0"), ("celsius_to_fahrenheit(0)", "32.0"),
         ("celsius_to_fahrenheit(21.5)", "70.7")],
        "return round(celsius * 9 / 5 + 32, 1)",
    ),
    Task(
        "split_bill", "(total: float, tip_percent: float, people: int) -> float",
        "Return each person's share of the bill plus a tip given in percent, "
        "rounded to cents.",
        [("split_bill(100, 20, 4)", "30.0"), ("split_bill(60, 18, 2)", "35.4")],
        [("split_bill(50, 0, 1)", "50.0"), ("split_bill(10, 10, 3)", "3.67"),
         ("split_bill(0, 15, 5)", "0.0")],
        "return round(total * (1 + tip_percent / 100) / people, 2)",
    ),
    Task(
        "bmi", "(weight_kg: float, height_m: float) -> float",
        "Return the body mass index, rounded to one decimal place.",
        [("bmi(70, 1.75)", "22.9"), ("bmi(50, 1.6)", "19.5")],
        [("bmi(100, 2.0)", "25.0"), ("bmi(90, 1.8)", "27.8")],
        "return round(weight_kg / height_m ** 2, 1)",
    ),
    Task(
        "future_value", "(principal: float, rate: float, years: int) -> float",
        "Return the value of an investment after compounding yearly at rate for "
        "the given years, rounded to cents.",
        [("future_value(1000, 0.05, 2)", "1102.5"),
         ("future_value(500, 0.1, 0)", "500.0")],
        [("future_value(1000, 0, 10)", "1000.0"),
         ("future_value(100, 0.1, 3)", "133.1"),
         ("future_value(2500, 0.04, 5)", "3041.63")],
        "return round(principal * (1 + rate) ** years, 2)",
    ),
    Task(
        "median", "(values: list[float]) -> float",
        "Return the median of a non-empty list as a float, averaging the two "
        "middle values when the length is even.",
        [("median([3, 1, 2])", "2.0"), ("median([4, 1, 3, 2])", "2.5")],
        [("median([5])", "5.0"), ("median([1, 1, 100])", "1.0"),
         ("median([-2, -1])", "-1.5")],
        "ordered = sorted(values)\n"
        "mid = len(ordered) // 2\n"
        "if len(ordered) % 2:\n"
        "    return float(ordered[mid])\n"
        "return (ordered[mid - 1] + ordered[mid]) / 2",
    ),
    Task(
        "completion_rate", "(done: int, total: int) -> float",
        "Return done as a percentage of total rounded to one decimal, or 0.0 "
        "when total is 0.",
        [("completion_rate(3, 4)", "75.0"), ("completion_rate(1, 3)", "33.3")],
        [("completion_rate(0, 0)", "0.0"), ("completion_rate(5, 5)", "100.0"),
         ("completion_rate(2, 3)", "66.7")],
        "return round(done / total * 100, 1) if total else 0.0",
    ),
    Task(
        "hours_decimal", "(duration: str) -> float",
        "Convert an 'H:MM' duration to decimal hours, rounded to 2 decimals.",
        [("hours_decimal('1:30')", "1.5"), ("hours_decimal('0:45')", "0.75")],
        [("hours_decimal('2:00')", "2.0"), ("hours_decimal('0:20')", "0.33"),
         ("hours_decimal('10:06')", "10.1")],
        "hours, minutes = duration.split(':')\nreturn round(int(hours) + int(minutes) / 60, 2)",
        arrow=True,
    ),
    Task(
        "cart_total", "(items: list[dict]) -> float",
        "Return the sum of price times qty over the cart items, rounded to cents.",
        [("cart_total([{'price': 2.5, 'qty': 4}, {'price': 0.99, 'qty': 3}])", "12.97"),
         ("cart_total([{'price': 10.0, 'qty': 1}])", "10.0")],
        [("cart_total([])", "0.0"), ("cart_total([{'price': 0.1, 'qty': 3}])", "0.3"),
         ("cart_total([{'price': 19.99, 'qty': 0}])", "0.0")],
        "return round(sum(item['price'] * item['qty'] for item in items), 2)",
    ),
    # ----------------------------------------------------------------- list
    Task(
        "extract_hashtags", "(text: str) -> list[str]",
        "Return the words that start with '#', without the '#', in the order "
        "they appear.",
        [("extract_hashtags('Loving #python and #DevLife')", "['python', 'DevLife']"),
         ("extract_hashtags('no tags here')", "[]")],
        [("extract_hashtags('')", "[]"),
         ("extract_hashtags('#a #b #a')", "['a', 'b', 'a']"),
         ("extract_hashtags('#release v2.0 #shipIt')", "['release', 'shipIt']")],
        "return [word[1:] for word in text.split() if word.startswith('#') and len(word) > 1]",
    ),
    Task(
        "chunk", "(items: list, size: int) -> list[list]",
        "Split items into consecutive lists of length size; the last one may be "
        "shorter.",
        [("chunk([1, 2, 3, 4, 5], 2)", "[[1, 2], [3, 4], [5]]"),
         ("chunk(['a', 'b', 'c'], 3)", "[['a', 'b', 'c']]")],
        [("chunk([], 3)", "[]"), ("chunk([1, 2], 5)", "[[1, 2]]"),
         ("chunk([1, 2, 3, 4], 1)", "[[1], [2], [3], [4]]")],
        "return [items[i:i + size] for i in range(0, len(items), size)]",
    ),
    Task(
        "dedupe", "(items) -> list",
        "Remove duplicates from items, keeping the first occurrence of each value "
        "in order.",
        [("dedupe([3, 1, 3, 2, 1])", "[3, 1, 2]"), ("dedupe(['x', 'x'])", "['x']")],
        [("dedupe([])", "[]"), ("dedupe(['a', 'A', 'a'])", "['a', 'A']"),
         ("dedupe([1, 2, 3])", "[1, 2, 3]")],
        "seen = []\n"
        "for item in items:\n"
        "    if item not in seen:\n"
        "        seen.append(item)\n"
        "return seen",
    ),
    Task(
        "top_n", "(scores: dict[str, int], n: int) -> list[str]",
        "Return the names with the n highest scores, highest first; ties are "
        "ordered alphabetically.",
        [("top_n({'ann': 90, 'bob': 75, 'cy': 90}, 2)", "['ann', 'cy']"),
         ("top_n({'x': 5, 'y': 7, 'z': 6}, 1)", "['y']")],
        [("top_n({}, 3)", "[]"), ("top_n({'a': 1}, 5)", "['a']"),
         ("top_n({'d': 2, 'c': 2, 'b': 3}, 3)", "['b', 'c', 'd']")],
        "return sorted(scores, key=lambda name: (-scores[name], name))[:n]",
    ),
    Task(
        "parse_int_list", "(text: str) -> list[int]",
        "Parse a comma-separated string of integers, ignoring spaces and empty "
        "entries.",
        [("parse_int_list('1, 2,3')", "[1, 2, 3]"), ("parse_int_list('')", "[]")],
        [("parse_int_list('10,,20,')", "[10, 20]"),
         ("parse_int_list(' -5 , 7')", "[-5, 7]"), ("parse_int_list('42')", "[42]")],
        "return [int(part) for part in text.split(',') if part.strip()]",
    ),
    Task(
        "parse_tags", "(text: str) -> list[str]",
        "Split a comma-separated tag string into trimmed, lowercase tags, "
        "dropping empty and repeated tags.",
        [("parse_tags('Python, web,  API')", "['python', 'web', 'api']"),
         ("parse_tags('')", "[]")],
        [("parse_tags('a,A, a')", "['a']"), ("parse_tags(' x ,, y ')", "['x', 'y']"),
         ("parse_tags('machine learning,AI')", "['machine learning', 'ai']")],
        "tags = []\n"
        "for part in text.split(','):\n"
        "    tag = part.strip().lower()\n"
        "    if tag and tag not in tags:\n"
        "        tags.append(tag)\n"
        "return tags",
    ),
    Task(
        "sort_records", "(records: list[dict], key: str) -> list[dict]",
        "Return the records sorted by the given key; records that lack the key go "
        "last, in their original order.",
        [("sort_records([{'n': 2}, {'n': 1}], 'n')", "[{'n': 1}, {'n': 2}]"),
         ("sort_records([{'age': 30}, {}, {'age': 25}], 'age')",
          "[{'age': 25}, {'age': 30}, {}]")],
        [("sort_records([], 'n')", "[]"),
         ("sort_records([{'name': 'bo'}, {'name': 'al'}], 'name')",
          "[{'name': 'al'}, {'name': 'bo'}]"),
         ("sort_records([{'x': 1}, {'y': 2}], 'z')", "[{'x': 1}, {'y': 2}]")],
        "present = [r for r in records if key in r]\n"
        "return sorted(present, key=lambda r: r[key]) + [r for r in records if key not in r]",
    ),
    Task(
        "parse_page_ranges", "(text: str) -> list[int]",
        "Expand a page selection like '1-3,5' into a list of page numbers in the "
        "order given.",
        [("parse_page_ranges('1-3,5')", "[1, 2, 3, 5]"),
         ("parse_page_ranges('7')", "[7]")],
        [("parse_page_ranges('')", "[]"), ("parse_page_ranges('2-2')", "[2]"),
         ("parse_page_ranges('10,1-2')", "[10, 1, 2]")],
        "pages = []\n"
        "for part in filter(None, text.split(',')):\n"
        "    start, _, end = part.partition('-')\n"
        "    pages.extend(range(int(start), int(end or start) + 1))\n"
        "return pages",
    ),
    Task(
        "missing_numbers", "(numbers: list[int], n: int) -> list[int]",
        "Return the numbers from 1 to n that do not appear in numbers, in "
        "ascending order.",
        [("missing_numbers([1, 3, 5], 5)", "[2, 4]"),
         ("missing_numbers([1, 2], 2)", "[]")],
        [("missing_numbers([], 3)", "[1, 2, 3]"),
         ("missing_numbers([2, 2, 9], 3)", "[1, 3]")],
        "present = set(numbers)\nreturn [i for i in range(1, n + 1) if i not in present]",
    ),
    Task(
        "normalize_scores", "(scores: list[float]) -> list[float]",
        "Scale scores to the range 0-1 (min becomes 0, max becomes 1), rounded to "
        "2 decimals; if all scores are equal they all become 0.0.",
        [("normalize_scores([10, 20, 15])", "[0.0, 1.0, 0.5]"),
         ("normalize_scores([5, 5])", "[0.0, 0.0]")],
        [("normalize_scores([])", "[]"),
         ("normalize_scores([0, 3, 1])", "[0.0, 1.0, 0.33]"),
         ("normalize_scores([-10, 0, 10])", "[0.0, 0.5, 1.0]")],
        "if not scores:\n"
        "    return []\n"
        "low, span = min(scores), max(scores) - min(scores)\n"
        "return [round((s - low) / span, 2) if span else 0.0 for s in scores]",
    ),
    Task(
        "clean_emails", "(emails: list[str]) -> list[str]",
        "Trim and lowercase email addresses, drop blank entries and duplicates, "
        "and return them sorted.",
        [("clean_emails([' Bob@X.com', 'bob@x.com ', 'amy@y.org'])",
          "['amy@y.org', 'bob@x.com']"),
         ("clean_emails([])", "[]")],
        [("clean_emails(['', '  ', 'a@b.co'])", "['a@b.co']"),
         ("clean_emails(['Z@z.io', 'y@z.io'])", "['y@z.io', 'z@z.io']")],
        "return sorted({e.strip().lower() for e in emails if e.strip()})",
    ),
    Task(
        "paginate", "(items: list, page: int, per_page: int) -> list",
        "Return the items on the given 1-based page.",
        [("paginate([1, 2, 3, 4, 5, 6, 7], 2, 3)", "[4, 5, 6]"),
         ("paginate([1, 2, 3], 2, 2)", "[3]")],
        [("paginate([1, 2, 3], 5, 2)", "[]"), ("paginate([], 1, 10)", "[]"),
         ("paginate(['a', 'b'], 1, 10)", "['a', 'b']")],
        "start = (page - 1) * per_page\nreturn items[start:start + per_page]",
    ),
    # ----------------------------------------------------------------- dict
    Task(
        "word_frequencies", "(text: str) -> dict[str, int]",
        "Count how often each lowercase word occurs in text (words are separated "
        "by whitespace).",
        [("word_frequencies('the cat the hat')", "{'the': 2, 'cat': 1, 'hat': 1}"),
         ("word_frequencies('')", "{}")],
        [("word_frequencies('A a A')", "{'a': 3}"),
         ("word_frequencies('one')", "{'one': 1}")],
        "counts = {}\n"
        "for word in text.lower().split():\n"
        "    counts[word] = counts.get(word, 0) + 1\n"
        "return counts",
    ),
    Task(
        "parse_query", "(query: str) -> dict[str, str]",
        "Parse a URL query string into a dict; a leading '?' is ignored and later "
        "keys overwrite earlier ones.",
        [("parse_query('a=1&b=two')", "{'a': '1', 'b': 'two'}"),
         ("parse_query('?q=py')", "{'q': 'py'}")],
        [("parse_query('')", "{}"), ("parse_query('flag')", "{'flag': ''}"),
         ("parse_query('x=1&x=2')", "{'x': '2'}"),
         ("parse_query('next=/a?b=c')", "{'next': '/a?b=c'}")],
        "pairs = (part.partition('=') for part in query.lstrip('?').split('&') if part)\n"
        "return {key: value for key, _, value in pairs}",
    ),
    Task(
        "parse_env", "(lines: list[str]) -> dict[str, str]",
        "Parse KEY=VALUE lines into a dict, trimming keys and values and skipping "
        "blank lines and lines starting with '#'.",
        [("parse_env(['HOST=localhost', '# comment', 'PORT=8080'])",
          "{'HOST': 'localhost', 'PORT': '8080'}"),
         ("parse_env([])", "{}")],
        [("parse_env(['', 'A = 1 '])", "{'A': '1'}"),
         ("parse_env(['URL=http://x?a=b'])", "{'URL': 'http://x?a=b'}"),
         ("parse_env(['  # note', 'EMPTY='])", "{'EMPTY': ''}")],
        "result = {}\n"
        "for line in map(str.strip, lines):\n"
        "    if line and not line.startswith('#'):\n"
        "        key, _, value = line.partition('=')\n"
        "        result[key.strip()] = value.strip()\n"
        "return result",
    ),
    Task(
        "group_by_initial", "(words: list[str]) -> dict[str, list[str]]",
        "Group words by their lowercase first letter, keeping the original order; "
        "empty strings are skipped.",
        [("group_by_initial(['apple', 'Avocado', 'banana'])",
          "{'a': ['apple', 'Avocado'], 'b': ['banana']}"),
         ("group_by_initial([])", "{}")],
        [("group_by_initial(['', 'x'])", "{'x': ['x']}"),
         ("group_by_initial(['Zed', 'zoo', 'Ann'])", "{'z': ['Zed', 'zoo'], 'a': ['Ann']}")],
        "groups = {}\n"
        "for word in words:\n"
        "    if word:\n"
        "        groups.setdefault(word[0].lower(), []).append(word)\n"
        "return groups",
    ),
    Task(
        "count_by", "(records: list[dict], key: str) -> dict",
        "Count records by the value of a field; records missing the field are "
        "counted under None.",
        [(("count_by([{'status': 'open'}, {'status': 'closed'}, {'status': 'open'}], "
           "'status')"), "{'open': 2, 'closed': 1}"),
         ("count_by([], 'status')", "{}")],
        [("count_by([{'a': 1}, {}], 'a')", "{1: 1, None: 1}"),
         ("count_by([{'t': 'x'}, {'t': 'x'}], 't')", "{'x': 2}")],
        "counts = {}\n"
        "for record in records:\n"
        "    value = record.get(key)\n"
        "    counts[value] = counts.get(value, 0) + 1\n"
        "return counts",
    ),
    Task(
        "merge_settings", "(defaults: dict, overrides: dict) -> dict",
        "Return a new dict of defaults updated with overrides, ignoring override "
        "values that are None.",
        [("merge_settings({'a': 1, 'b': 2}, {'b': 3, 'c': None})", "{'a': 1, 'b': 3}"),
         ("merge_settings({'debug': False}, {})", "{'debug': False}")],
        [("merge_settings({}, {})", "{}"), ("merge_settings({'x': 1}, {'x': None})", "{'x': 1}"),
         ("merge_settings({}, {'y': 0})", "{'y': 0}")],
        "return {**defaults, **{k: v for k, v in overrides.items() if v is not None}}",
    ),
    Task(
        "drop_none", "(data: dict) -> dict",
        "Return a copy of data without the keys whose value is None.",
        [("drop_none({'a': 1, 'b': None})", "{'a': 1}"),
         ("drop_none({'x': None})", "{}")],
        [("drop_none({})", "{}"),
         ("drop_none({'a': 0, 'b': '', 'c': False})", "{'a': 0, 'b': '', 'c': False}")],
        "return {key: value for key, value in data.items() if value is not None}",
    ),
    Task(
        "totals_by_category", "(transactions: list[tuple[str, float]]) -> dict[str, float]",
        "Sum (category, amount) transactions per category, rounding each total "
        "to cents.",
        [("totals_by_category([('food', 12.5), ('rent', 800.0), ('food', 7.25)])",
          "{'food': 19.75, 'rent': 800.0}"),
         ("totals_by_category([])", "{}")],
        [("totals_by_category([('a', 0.1), ('a', 0.2)])", "{'a': 0.3}"),
         ("totals_by_category([('gas', 40.0), ('gas', -40.0)])", "{'gas': 0.0}")],
        "totals = {}\n"
        "for category, amount in transactions:\n"
        "    totals[category] = totals.get(category, 0.0) + amount\n"
        "return {category: round(total, 2) for category, total in totals.items()}",
    ),
    Task(
        "flatten_dict", "(data: dict, sep: str = '.') -> dict",
        "Flatten nested dicts into one level, joining the keys with sep.",
        [("flatten_dict({'a': {'b': 1}, 'c': 2})", "{'a.b': 1, 'c': 2}"),
         ("flatten_dict({'db': {'host': 'x', 'port': 5432}})",
          "{'db.host': 'x', 'db.port': 5432}")],
        [("flatten_dict({})", "{}"), ("flatten_dict({'a': {'b': {'c': 1}}})", "{'a.b.c': 1}"),
         ("flatten_dict({'x': {'y': 1}}, sep='_')", "{'x_y': 1}")],
        "flat = {}\n"
        "for key, value in data.items():\n"
        "    if isinstance(value, dict):\n"
        "        for sub_key, sub_value in flatten_dict(value, sep).items():\n"
        "            flat[f'{key}{sep}{sub_key}'] = sub_value\n"
        "    else:\n"
        "        flat[key] = value\n"
        "return flat",
    ),
    Task(
        "age_groups", "(ages: list[int]) -> dict[str, int]",
        "Count ages per decade, labelled like '20s'.",
        [("age_groups([23, 27, 31, 45])", "{'20s': 2, '30s': 1, '40s': 1}"),
         ("age_groups([])", "{}")],
        [("age_groups([5, 9])", "{'0s': 2}"), ("age_groups([100])", "{'100s': 1}"),
         ("age_groups([30, 39, 40])", "{'30s': 2, '40s': 1}")],
        "groups = {}\n"
        "for age in ages:\n"
        "    label = f'{age // 10 * 10}s'\n"
        "    groups[label] = groups.get(label, 0) + 1\n"
        "return groups",
    ),
    # ---------------------------------------------------------------- tuple
    Task(
        "min_max", "(values: list) -> tuple",
        "Return (smallest, largest) of values, or (None, None) for an empty list.",
        [("min_max([3, 1, 2])", "(1, 3)"), ("min_max([])", "(None, None)")],
        [("min_max([5])", "(5, 5)"), ("min_max([-1, -5])", "(-5, -1)"),
         ("min_max(['pear', 'apple'])", "('apple', 'pear')")],
        "return (min(values), max(values)) if values else (None, None)",
    ),
    Task(
        "split_email", "(email: str) -> tuple[str, str]",
        "Split an email address into (local part, domain), lowercasing the domain.",
        [("split_email('user@example.com')", "('user', 'example.com')"),
         ("split_email('Bob@Example.COM')", "('Bob', 'example.com')")],
        [("split_email('a@b')", "('a', 'b')"),
         ("split_email('x.y+tag@mail.org')", "('x.y+tag', 'mail.org')")],
        "local, _, domain = email.rpartition('@')\nreturn local, domain.lower()",
    ),
    Task(
        "parse_dimensions", "(text: str) -> tuple[int, int]",
        "Parse a size like '1920x1080' into (width, height); the 'x' may be "
        "uppercase and spaces are allowed.",
        [("parse_dimensions('1920x1080')", "(1920, 1080)"),
         ("parse_dimensions('800 X 600')", "(800, 600)")],
        [("parse_dimensions('1x1')", "(1, 1)"),
         ("parse_dimensions(' 640x480 ')", "(640, 480)")],
        "width, height = text.lower().split('x')\nreturn int(width), int(height)",
    ),
    Task(
        "hours_and_minutes", "(total_minutes: int) -> tuple[int, int]",
        "Split a number of minutes into (hours, minutes).",
        [("hours_and_minutes(135)", "(2, 15)"), ("hours_and_minutes(45)", "(0, 45)")],
        [("hours_and_minutes(0)", "(0, 0)"), ("hours_and_minutes(60)", "(1, 0)"),
         ("hours_and_minutes(1500)", "(25, 0)")],
        "return divmod(total_minutes, 60)",
    ),
    Task(
        "parse_version", "(version: str) -> tuple[int, ...]",
        "Parse a dotted version string, with an optional leading 'v', into a "
        "tuple of ints.",
        [("parse_version('1.10.2')", "(1, 10, 2)"), ("parse_version('v2.0')", "(2, 0)")],
        [("parse_version('3')", "(3,)"), ("parse_version('V0.9.12')", "(0, 9, 12)")],
        "return tuple(int(part) for part in version.lstrip('vV').split('.'))",
    ),
    Task(
        "hex_to_rgb", "(color: str) -> tuple[int, int, int]",
        "Convert a six-digit hex color, with or without '#', to an (r, g, b) tuple.",
        [("hex_to_rgb('#ff8000')", "(255, 128, 0)"), ("hex_to_rgb('00FF00')", "(0, 255, 0)")],
        [("hex_to_rgb('#000000')", "(0, 0, 0)"), ("hex_to_rgb('#FFFFFF')", "(255, 255, 255)"),
         ("hex_to_rgb('1a2b3c')", "(26, 43, 60)")],
        "digits = color.lstrip('#')\n"
        "return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)",
    ),
    # ------------------------------------------------------------- Optional
    Task(
        "find_user", "(users, user_id) -> dict | None",
        "Return the first user dict whose 'id' equals user_id, or None if there "
        "is none.",
        [("find_user([{'id': 1, 'name': 'Ann'}, {'id': 2, 'name': 'Bo'}], 2)",
          "{'id': 2, 'name': 'Bo'}"),
         ("find_user([{'id': 1, 'name': 'Ann'}], 3)", "None")],
        [("find_user([], 1)", "None"),
         ("find_user([{'id': 5, 'n': 'a'}, {'id': 5, 'n': 'b'}], 5)", "{'id': 5, 'n': 'a'}")],
        "return next((user for user in users if user.get('id') == user_id), None)",
        arrow=True,
    ),
    Task(
        "parse_port", "(value: str) -> int | None",
        "Parse a TCP port number from 1 to 65535, ignoring surrounding whitespace; "
        "return None if the value is not a valid port.",
        [("parse_port('8080')", "8080"), ("parse_port('70000')", "None"),
         ("parse_port('http')", "None")],
        [("parse_port('0')", "None"), ("parse_port(' 443 ')", "443"),
         ("parse_port('65535')", "65535"), ("parse_port('-1')", "None")],
        "value = value.strip()\n"
        "return int(value) if value.isdigit() and 1 <= int(value) <= 65535 else None",
        arrow=True,
    ),
    Task(
        "get_nested", "(data, path: str) -> object | None",
        "Look up a dotted path like 'db.host' in nested dicts, returning None if "
        "any part is missing.",
        [("get_nested({'db': {'host': 'x'}}, 'db.host')", "'x'"),
         ("get_nested({'db': {}}, 'db.port')", "None")],
        [("get_nested({}, 'a')", "None"),
         ("get_nested({'a': {'b': {'c': 0}}}, 'a.b.c')", "0"),
         ("get_nested({'a': 5}, 'a.b')", "None"),
         ("get_nested({'a': {'b': 1}}, 'a')", "{'b': 1}")],
        "for part in path.split('.'):\n"
        "    if not isinstance(data, dict) or part not in data:\n"
        "        return None\n"
        "    data = data[part]\n"
        "return data",
        arrow=True,
    ),
    Task(
        "second_largest", "(values: list[int]) -> int | None",
        "Return the second largest distinct value, or None if there is no such "
        "value.",
        [("second_largest([4, 1, 7, 7])", "4"), ("second_largest([5])", "None")],
        [("second_largest([])", "None"), ("second_largest([3, 3])", "None"),
         ("second_largest([-1, -2])", "-2")],
        "distinct = sorted(set(values))\nreturn distinct[-2] if len(distinct) > 1 else None",
        arrow=True,
    ),
    Task(
        "first_number", "(text: str) -> int | None",
        "Return the first run of digits in text as an int, or None if text has "
        "no digits.",
        [("first_number('Order #4521 shipped')", "4521"),
         ("first_number('no digits')", "None")],
        [("first_number('')", "None"), ("first_number('v2 and 3')", "2"),
         ("first_number('abc123def45')", "123")],
        "digits = ''\n"
        "for c in text:\n"
        "    if c.isdigit():\n"
        "        digits += c\n"
        "    elif digits:\n"
        "        break\n"
        "return int(digits) if digits else None",
        arrow=True,
    ),
    Task(
        "get_header", "(headers: dict[str, str], name: str) -> str | None",
        "Look up an HTTP header by name, ignoring case; return None if it is "
        "absent.",
        [("get_header({'Content-Type': 'text/html'}, 'content-type')", "'text/html'"),
         ("get_header({}, 'Accept')", "None")],
        [("get_header({'X-Api-Key': 'abc'}, 'X-API-KEY')", "'abc'"),
         ("get_header({'Host': 'a'}, 'Accept')", "None")],
        "return next((v for k, v in headers.items() if k.lower() == name.lower()), None)",
        arrow=True,
    ),
    Task(
        "percent_change", "(old: float, new: float) -> float | None",
        "Return the percentage change from old to new rounded to one decimal, or "
        "None when old is 0.",
        [("percent_change(50, 75)", "50.0"), ("percent_change(200, 150)", "-25.0")],
        [("percent_change(0, 10)", "None"), ("percent_change(3, 4)", "33.3"),
         ("percent_change(10, 10)", "0.0")],
        "return round((new - old) / old * 100, 1) if old else None",
    ),
    Task(
        "month_name", "(month: int) -> str | None",
        "Return the English name of a month number from 1 to 12, or None for any "
        "other number.",
        [("month_name(1)", "'January'"), ("month_name(12)", "'December'")],
        [("month_name(0)", "None"), ("month_name(13)", "None"),
         ("month_name(9)", "'September'")],
        "names = ['January', 'February', 'March', 'April', 'May', 'June', 'July',\n"
        "         'August', 'September', 'October', 'November', 'December']\n"
        "return names[month - 1] if 1 <= month <= 12 else None",
    ),
]

# Runs inside a fresh python3: completes the stub with its reference body,
# runs every assert, checks each example's expected text is the repr of the
# result and runs doctest on doctest-style stubs.
RUNNER = r'''
import doctest, json, sys
job = json.load(sys.stdin)
ns = {"__name__": "__blind3__"}
problems = []
exec(compile(job["source"], "<task>", "exec"), ns)
for test in job["tests"]:
    try:
        exec(test, dict(ns))
    except Exception as exc:  # noqa: BLE001
        problems.append(f"{test}: {type(exc).__name__}: {exc}")
for call, expected in job["examples"]:
    try:
        got = repr(eval(call, dict(ns)))
    except Exception as exc:  # noqa: BLE001
        got = f"<{type(exc).__name__}: {exc}>"
    if got != expected:
        problems.append(f"example {call}: repr is {got}, docstring says {expected}")
if job["doctest"]:
    runner = doctest.DocTestRunner(verbose=False)
    finder = doctest.DocTestFinder(recurse=False)
    out = []
    for test in finder.find(ns[job["name"]], job["name"], globs=dict(ns)):
        if len(test.examples) != len(job["examples"]):
            problems.append("doctest example count mismatch")
        runner.run(test, out=out.append)
    if runner.failures:
        problems.append("doctest failed: " + "".join(out))
print(json.dumps(problems))
sys.exit(1 if problems else 0)
'''


def docstring_tests(task: Task, stub: str) -> list[str]:
    """Parse the stub's docstring examples back into assert strings."""
    tree = ast.parse(stub)
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef) and func.name == task.name
    assert len(func.body) == 1, "stub must contain only the docstring"
    doc = ast.get_docstring(func, clean=True)
    assert doc is not None
    lines = doc.splitlines()
    tests: list[str] = []
    if task.arrow:
        assert not any(line.startswith(">>>") for line in lines)
        for line in lines:
            if line.startswith(f"{task.name}("):
                assert line.count(" -> ") == 1, line
                call, expected = line.split(" -> ")
                tests.append(f"assert {call} == {expected}")
    else:
        for i, line in enumerate(lines):
            if line.startswith(">>> "):
                tests.append(f"assert {line[4:]} == {lines[i + 1]}")
    return tests


def result_kind(sig: str) -> str:
    ret = sig.rsplit("->", 1)[1].strip()
    if ret.endswith("| None"):
        return "None-able"
    return ret.split("[", 1)[0]


def check(task: Task, min_hidden: int = 2) -> list[str]:
    """Problems of one task: its stub, its tests, and its reference body run against them."""
    problems: list[str] = []
    stub = task.stub()
    if "\\" in stub:
        problems.append("backslash in stub")
    if not 2 <= len(task.examples) <= 3:
        problems.append("need 2 or 3 examples")
    if not min_hidden <= len(task.hidden) <= 4:
        problems.append(f"need {min_hidden}-4 hidden tests")
    if set(task.given_tests()) & set(task.hidden_tests()):
        problems.append("hidden test repeats a given test")
    try:
        if docstring_tests(task, stub) != task.given_tests():
            problems.append("docstring examples differ from given tests")
    except (AssertionError, SyntaxError) as exc:
        problems.append(f"bad stub: {exc!r}")
    source = stub + textwrap.indent(task.body, "    ") + "\n"
    job = {
        "name": task.name,
        "source": source,
        "tests": task.given_tests() + task.hidden_tests(),
        "examples": task.examples,
        "doctest": not task.arrow,
    }
    proc = subprocess.run(
        ["python3", "-c", RUNNER], input=json.dumps(job), capture_output=True,
        text=True, timeout=60, check=False,
    )
    if proc.returncode != 0:
        try:
            problems += json.loads(proc.stdout)
        except json.JSONDecodeError:
            problems.append(f"runner crashed: {proc.stderr.strip()}")
    return problems


def main() -> int:
    names = [task.name for task in TASKS]
    failures: dict[str, list[str]] = {}
    if len(TASKS) != 100:
        failures["<set>"] = [f"expected 100 tasks, have {len(TASKS)}"]
    dupes = sorted(name for name, n in Counter(names).items() if n > 1)
    if dupes:
        failures.setdefault("<set>", []).append(f"duplicate names: {dupes}")
    if BANNED & set(names):
        failures.setdefault("<set>", []).append(f"banned names: {BANNED & set(names)}")
    for task in TASKS:
        problems = check(task)
        if problems:
            failures[task.name] = problems
    if failures:
        for name, problems in failures.items():
            for problem in problems:
                print(f"FAIL {name}: {problem}", file=sys.stderr)
        print(f"{len(failures)} task(s) failed; nothing written", file=sys.stderr)
        return 1
    with OUT.open("w", encoding="utf-8") as fh:
        for task in TASKS:
            row = {
                "id": f"blind3-{task.name}",
                "function": task.name,
                "stub": task.stub(),
                "given_tests": task.given_tests(),
                "hidden_tests": task.hidden_tests(),
                "setup": "",
            }
            fh.write(json.dumps(row) + "\n")
    kinds = Counter(result_kind(task.sig) for task in TASKS)
    arrows = sum(task.arrow for task in TASKS)
    print(f"wrote {len(TASKS)} tasks to {OUT} ({arrows} arrow-style stubs)")
    print("result kinds: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write tests/bench/everyday_blind4.jsonl: 100 held-out everyday tasks.

Each task carries a reference body. Before anything is written, every stub is
completed with its reference body and run in a fresh `python3` subprocess
against its given and hidden asserts, its docstring examples are parsed back
and compared with the given tests, and every example's expected text must be
the repr of the reference result (doctest-style stubs are also run through
doctest). The file is only written when all 100 tasks pass.

Function names avoid every name used by the earlier everyday sets (BANNED).
Signatures without a return annotation are counted by the type of their
examples' results.

Run: python3 tests/bench/make_blind4.py
"""

from __future__ import annotations

import ast
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# The task record and its check (stub, docstring examples, reference run), as the third
# set has them.
from make_blind3 import Task
from make_blind3 import check as check_task

OUT = Path(__file__).with_name("everyday_blind4.jsonl")

BANNED = {
    'absolute_difference', 'acronym', 'add_days', 'add_tax', 'adjacent_pairs',
    'age_group', 'age_groups', 'age_in_years', 'average', 'average_grades',
    'average_length', 'average_speed', 'bearer_token', 'best_player', 'bmi',
    'bounding_box', 'build_query_string', 'build_url', 'bullet_list',
    'caesar_shift', 'camel_to_snake', 'capitalize_words', 'cart_total',
    'celsius_to_fahrenheit', 'censor', 'changed_keys', 'char_frequency', 'cheapest',
    'chunk', 'clamp', 'clean_emails', 'clean_phone', 'collapse_spaces',
    'collapse_whitespace', 'column_values', 'common_prefix', 'completion_rate',
    'compound_interest', 'contains_any', 'count_above', 'count_by', 'count_digits',
    'count_errors', 'count_occurrences', 'count_pass_fail', 'count_positive',
    'count_true', 'count_upper', 'count_vowels', 'count_words', 'csv_quote',
    'date_to_iso', 'day_of_week', 'days_between', 'days_in_month', 'dedupe',
    'differences', 'digit_sum', 'digits_of', 'discount_price', 'domain_from_url',
    'drop_blank', 'drop_none', 'drop_none_values', 'duration_to_minutes',
    'election_winner', 'escape_html', 'even_numbers', 'every_nth', 'expand_ranges',
    'extract_hashtags', 'extract_numbers', 'fibonacci', 'file_extension',
    'fill_missing', 'filter_long', 'find_duplicates', 'find_email', 'find_user',
    'first_even', 'first_number', 'first_or_none', 'first_sentence', 'first_word',
    'fizzbuzz', 'flatten', 'flatten_dict', 'format_bytes', 'format_currency',
    'format_duration', 'format_hms', 'format_invoice_number', 'format_minutes',
    'format_money', 'format_name', 'format_phone', 'full_name', 'future_value',
    'get_age', 'get_domain', 'get_header', 'get_nested', 'greet',
    'group_by_initial', 'group_by_status', 'has_allowed_extension',
    'has_duplicates', 'has_required_fields', 'hex_to_rgb', 'hours_and_minutes',
    'hours_decimal', 'hours_minutes', 'human_size', 'hypotenuse', 'in_range',
    'in_stock', 'indent_lines', 'index_by_id', 'index_of_max', 'initials',
    'interleave', 'invert', 'invert_dict', 'is_adult', 'is_anagram', 'is_balanced',
    'is_blank', 'is_business_hours', 'is_card_expired', 'is_close_enough',
    'is_divisible', 'is_empty', 'is_even', 'is_hex_color', 'is_http_url', 'is_ipv4',
    'is_leap_year', 'is_newer_version', 'is_palindrome', 'is_pangram',
    'is_positive', 'is_power_of_two', 'is_prime', 'is_shouting', 'is_sorted',
    'is_strong_password', 'is_success', 'is_valid_email', 'is_valid_ipv4',
    'is_valid_time', 'is_valid_username', 'is_valid_zip', 'is_weekend',
    'is_zip_code', 'join_url', 'join_with_and', 'kebab_to_title', 'keys_with_value',
    'kinetic_energy', 'km_to_miles', 'largest_n', 'last_char', 'last_n', 'lcm',
    'letter_grade', 'level_for_xp', 'log_level', 'longest_streak', 'longest_word',
    'lookup', 'luhn_valid', 'mask_card', 'mask_email', 'max_by_key', 'max_of_list',
    'mean', 'media_type', 'median', 'merge_dicts', 'merge_settings', 'merge_sorted',
    'min_max', 'minutes_between', 'missing_numbers', 'month_name',
    'monthly_payment', 'most_common_word', 'move_to_front', 'moving_average',
    'next_multiple', 'normalize', 'normalize_name', 'normalize_scores',
    'normalize_whitespace', 'ordinal', 'page_count', 'pages_needed', 'paginate',
    'parent_dir', 'parse_bool', 'parse_coordinates', 'parse_csv_line',
    'parse_dimensions', 'parse_duration', 'parse_env', 'parse_int_list',
    'parse_iso_date', 'parse_key_value', 'parse_page_ranges', 'parse_percent',
    'parse_port', 'parse_price', 'parse_query', 'parse_tags', 'parse_version',
    'passes_luhn', 'password_score', 'percent', 'percent_change', 'percent_of',
    'phone_digits', 'pick', 'pluralize', 'progress_bar', 'query_string',
    'redact_digits', 'remove_punctuation', 'remove_spaces', 'remove_vowels',
    'rename_keys', 'reverse_words', 'rgb_to_hex', 'roman_to_int', 'rotate_left',
    'round_half_up', 'round_price', 'round_to_nearest', 'running_total',
    'safe_divide', 'safe_int', 'second_largest', 'sentence_case', 'shipping_cost',
    'shout', 'sign', 'slugify', 'snake_to_camel', 'sort_by_age', 'sort_records',
    'sorted_by_length', 'split_bill', 'split_email', 'split_even_odd',
    'split_extension', 'split_header', 'split_name', 'square_all',
    'starts_with_vowel', 'status_class', 'status_code', 'status_label',
    'strip_accents', 'strip_extension', 'strip_html_tags', 'sum_by_category',
    'sum_digits', 'sum_of_squares', 'tail', 'time_ago', 'tip_amount', 'to_12_hour',
    'to_24_hour', 'to_camel_case', 'to_cents', 'to_int', 'to_snake_case', 'top_n',
    'top_scorers', 'total', 'total_quantity', 'total_seconds', 'totals_by_category',
    'transpose', 'truncate', 'underline', 'unique_in_order', 'unique_sorted',
    'us_date_to_iso', 'weighted_average', 'with_commas', 'word_count',
    'word_frequencies', 'word_lengths', 'wrap_in_tag', 'zero_pad',
}

Case = tuple[str, str]  # (call source, expected value source)


TASKS: list[Task] = [
    # ------------------------------------------------------------------ str
    Task(
        "strip_prefix", "(text: str, prefix: str) -> str",
        "Remove prefix from the start of text if it is there; otherwise return "
        "text unchanged.",
        [("strip_prefix('feature/login', 'feature/')", "'login'"),
         ("strip_prefix('main', 'feature/')", "'main'")],
        [("strip_prefix('', 'x')", "''"), ("strip_prefix('prefix', 'prefix')", "''"),
         ("strip_prefix('aab', 'a')", "'ab'"),
         ("strip_prefix('my feature/x', 'feature/')", "'my feature/x'")],
        "return text[len(prefix):] if text.startswith(prefix) else text",
        arrow=True,
    ),
    Task(
        "ensure_suffix", "(text, suffix) -> str",
        "Return text with suffix appended, unless it already ends with it.",
        [("ensure_suffix('report', '.csv')", "'report.csv'"),
         ("ensure_suffix('data.csv', '.csv')", "'data.csv'")],
        [("ensure_suffix('', '/')", "'/'"),
         ("ensure_suffix('https://x.com/', '/')", "'https://x.com/'"),
         ("ensure_suffix('notes.txt', '.md')", "'notes.txt.md'")],
        "return text if text.endswith(suffix) else text + suffix",
    ),
    Task(
        "long_date", "(iso_date: str) -> str",
        "Format a 'YYYY-MM-DD' date in long form like 'March 5, 2024', with no "
        "leading zero on the day.",
        [("long_date('2024-03-15')", "'March 15, 2024'"),
         ("long_date('1999-12-31')", "'December 31, 1999'")],
        [("long_date('2000-01-01')", "'January 1, 2000'"),
         ("long_date('2023-09-09')", "'September 9, 2023'"),
         ("long_date('2021-05-20')", "'May 20, 2021'")],
        "months = ['January', 'February', 'March', 'April', 'May', 'June', 'July',\n"
        "          'August', 'September', 'October', 'November', 'December']\n"
        "year, month, day = iso_date.split('-')\n"
        "return f'{months[int(month) - 1]} {int(day)}, {year}'",
        arrow=True,
    ),
    Task(
        "number_to_words", "(n: int) -> str",
        "Spell out a number from 0 to 99 in English words, hyphenating compound "
        "numbers.",
        [("number_to_words(7)", "'seven'"), ("number_to_words(42)", "'forty-two'")],
        [("number_to_words(0)", "'zero'"), ("number_to_words(13)", "'thirteen'"),
         ("number_to_words(90)", "'ninety'"), ("number_to_words(99)", "'ninety-nine'")],
        "ones = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven',\n"
        "        'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',\n"
        "        'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']\n"
        "tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy',\n"
        "        'eighty', 'ninety']\n"
        "if n < 20:\n"
        "    return ones[n]\n"
        "t, u = divmod(n, 10)\n"
        "return tens[t] + ('-' + ones[u] if u else '')",
    ),
    Task(
        "column_letter", "(n: int) -> str",
        "Convert a 1-based column number to its spreadsheet column name (A, B, "
        "..., Z, AA, AB, ...).",
        [("column_letter(3)", "'C'"), ("column_letter(28)", "'AB'")],
        [("column_letter(1)", "'A'"), ("column_letter(26)", "'Z'"),
         ("column_letter(52)", "'AZ'"), ("column_letter(703)", "'AAA'")],
        "letters = ''\n"
        "while n > 0:\n"
        "    n, r = divmod(n - 1, 26)\n"
        "    letters = chr(65 + r) + letters\n"
        "return letters",
        arrow=True,
    ),
    Task(
        "table_row", "(values, width) -> str",
        "Render values as one row of a text table: each value is converted to str "
        "and left-justified to width, and the cells are joined with ' | '.",
        [("table_row(['id', 'name'], 4)", "'id   | name'"),
         ("table_row([1, 'ok', 3.5], 3)", "'1   | ok  | 3.5'")],
        [("table_row([], 5)", "''"), ("table_row(['a'], 3)", "'a  '"),
         ("table_row([True, None], 5)", "'True  | None '")],
        "return ' | '.join(str(value).ljust(width) for value in values)",
    ),
    Task(
        "drop_repeated_words", "(text: str) -> str",
        "Remove immediately repeated words such as 'the the', comparing words "
        "case-insensitively and keeping the first; words in the result are "
        "separated by single spaces.",
        [("drop_repeated_words('the the cat sat')", "'the cat sat'"),
         ("drop_repeated_words('I think think so')", "'I think so'")],
        [("drop_repeated_words('')", "''"),
         ("drop_repeated_words('The the end')", "'The end'"),
         ("drop_repeated_words('go go go')", "'go'"),
         ("drop_repeated_words('a b a b')", "'a b a b'")],
        "words = []\n"
        "for word in text.split():\n"
        "    if not words or word.lower() != words[-1].lower():\n"
        "        words.append(word)\n"
        "return ' '.join(words)",
        arrow=True,
    ),
    Task(
        "filename_from_path", "(path: str) -> str",
        "Return the last component of a '/'-separated path, ignoring a trailing "
        "slash.",
        [("filename_from_path('/var/log/app.log')", "'app.log'"),
         ("filename_from_path('docs/reports/')", "'reports'")],
        [("filename_from_path('notes.txt')", "'notes.txt'"),
         ("filename_from_path('/home/user/.bashrc')", "'.bashrc'"),
         ("filename_from_path('a/b/c.tar.gz')", "'c.tar.gz'")],
        "return path.rstrip('/').rsplit('/', 1)[-1]",
    ),
    Task(
        "short_hash", "(commit: str) -> str",
        "Return the abbreviated form of a git commit hash: its first 7 "
        "characters, lowercased.",
        [("short_hash('9FCEB02D0AE598E95DC970B74767F19372D61AF8')", "'9fceb02'"),
         ("short_hash('a1b2c3d4e5')", "'a1b2c3d'")],
        [("short_hash('DEADBEEFCAFE')", "'deadbee'"),
         ("short_hash('1234567')", "'1234567'"),
         ("short_hash('0000000000')", "'0000000'")],
        "return commit[:7].lower()",
        arrow=True,
    ),
    Task(
        "to_hex_string", "(values: list[int]) -> str",
        "Encode byte values (0-255) as a lowercase hex string with two digits "
        "per byte.",
        [("to_hex_string([222, 173, 190, 239])", "'deadbeef'"),
         ("to_hex_string([72, 105])", "'4869'")],
        [("to_hex_string([])", "''"), ("to_hex_string([1])", "'01'"),
         ("to_hex_string([0, 15, 255])", "'000fff'")],
        "return ''.join(f'{value:02x}' for value in values)",
    ),
    Task(
        "format_lat_lon", "(lat: float, lon: float) -> str",
        "Format coordinates like '51.5074° N, 0.1278° W': four decimals each, "
        "with hemisphere letters instead of minus signs.",
        [("format_lat_lon(51.5074, -0.1278)", "'51.5074° N, 0.1278° W'"),
         ("format_lat_lon(-33.8688, 151.2093)", "'33.8688° S, 151.2093° E'")],
        [("format_lat_lon(40.7128, -74.006)", "'40.7128° N, 74.0060° W'"),
         ("format_lat_lon(-1.5, -2.25)", "'1.5000° S, 2.2500° W'"),
         ("format_lat_lon(35.6762, 139.6503)", "'35.6762° N, 139.6503° E'")],
        "ns = 'N' if lat >= 0 else 'S'\n"
        "ew = 'E' if lon >= 0 else 'W'\n"
        "return f'{abs(lat):.4f}° {ns}, {abs(lon):.4f}° {ew}'",
        arrow=True,
    ),
    Task(
        "make_username", "(first: str, last: str) -> str",
        "Build a username from the first letter of the first name followed by the "
        "whole last name, lowercased and keeping only letters.",
        [("make_username('Mary', 'Smith')", "'msmith'"),
         ("make_username('john', 'Doe')", "'jdoe'")],
        [("make_username('Anna', \"O'Brien\")", "'aobrien'"),
         ("make_username('Jean', 'Smith-Jones')", "'jsmithjones'"),
         ("make_username('LUKE', 'SKYWALKER')", "'lskywalker'")],
        "return ''.join(c for c in (first[:1] + last).lower() if c.isalpha())",
    ),
    Task(
        "safe_filename", "(name: str) -> str",
        "Make a string safe to use as a file name by replacing every character "
        "that is not a letter, digit, '.', '-' or '_' with '_'.",
        [("safe_filename('my report.pdf')", "'my_report.pdf'"),
         ("safe_filename('Q3/Q4 results?.xlsx')", "'Q3_Q4_results_.xlsx'")],
        [("safe_filename('')", "''"),
         ("safe_filename('already_ok-1.txt')", "'already_ok-1.txt'"),
         ("safe_filename('a  b')", "'a__b'")],
        "return ''.join(c if c.isalnum() or c in '.-_' else '_' for c in name)",
        arrow=True,
    ),
    Task(
        "hide_emails", "(text: str) -> str",
        "Replace anything that looks like an email address (a run of non-space "
        "characters containing '@') with '[email]'.",
        [("hide_emails('contact bob@example.com today')", "'contact [email] today'"),
         ("hide_emails('no address here')", "'no address here'")],
        [("hide_emails('')", "''"),
         ("hide_emails('a@b.c and c@d.e')", "'[email] and [email]'"),
         ("hide_emails('Email:  x@y.org')", "'Email:  [email]'")],
        "import re\nreturn re.sub(r'\\S*@\\S*', '[email]', text)",
    ),
    Task(
        "int_to_roman", "(n: int) -> str",
        "Convert a positive integer up to 3999 to an uppercase Roman numeral.",
        [("int_to_roman(14)", "'XIV'"), ("int_to_roman(2024)", "'MMXXIV'"),
         ("int_to_roman(9)", "'IX'")],
        [("int_to_roman(1)", "'I'"), ("int_to_roman(3999)", "'MMMCMXCIX'"),
         ("int_to_roman(444)", "'CDXLIV'"), ("int_to_roman(90)", "'XC'")],
        "pairs = [(1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'),\n"
        "         (90, 'XC'), (50, 'L'), (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'),\n"
        "         (4, 'IV'), (1, 'I')]\n"
        "result = ''\n"
        "for value, numeral in pairs:\n"
        "    count, n = divmod(n, value)\n"
        "    result += numeral * count\n"
        "return result",
        arrow=True,
    ),
    Task(
        "quarter_label", "(date: str) -> str",
        "Return the calendar quarter of a 'YYYY-MM-DD' date, formatted like "
        "'2024-Q1'.",
        [("quarter_label('2024-02-15')", "'2024-Q1'"),
         ("quarter_label('2023-11-30')", "'2023-Q4'")],
        [("quarter_label('2024-04-01')", "'2024-Q2'"),
         ("quarter_label('2024-03-31')", "'2024-Q1'"),
         ("quarter_label('2022-07-04')", "'2022-Q3'")],
        "return f'{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}'",
    ),
    Task(
        "bump_version", "(version: str, part: str) -> str",
        "Increment the 'major', 'minor' or 'patch' part of an 'X.Y.Z' version, "
        "resetting the parts after it to 0.",
        [("bump_version('1.2.3', 'minor')", "'1.3.0'"),
         ("bump_version('1.2.3', 'patch')", "'1.2.4'"),
         ("bump_version('1.2.3', 'major')", "'2.0.0'")],
        [("bump_version('1.9.9', 'major')", "'2.0.0'"),
         ("bump_version('0.0.9', 'patch')", "'0.0.10'"),
         ("bump_version('0.9.0', 'minor')", "'0.10.0'")],
        "major, minor, patch = map(int, version.split('.'))\n"
        "if part == 'major':\n"
        "    return f'{major + 1}.0.0'\n"
        "if part == 'minor':\n"
        "    return f'{major}.{minor + 1}.0'\n"
        "return f'{major}.{minor}.{patch + 1}'",
        arrow=True,
    ),
    Task(
        "strip_comment", "(line)",
        "Remove a '#' comment from a line of a config file, together with the "
        "whitespace left at the end of the line.",
        [("strip_comment('port = 8080  # default')", "'port = 8080'"),
         ("strip_comment('name = app')", "'name = app'")],
        [("strip_comment('# whole line')", "''"), ("strip_comment('')", "''"),
         ("strip_comment('  indent = 4 #x')", "'  indent = 4'")],
        "return line.split('#', 1)[0].rstrip()",
    ),
    Task(
        "preview_list", "(items: list[str], limit: int) -> str",
        "Join at most limit items with ', ', adding ' and N more' when some items "
        "were left out.",
        [("preview_list(['a', 'b', 'c', 'd'], 2)", "'a, b and 2 more'"),
         ("preview_list(['x', 'y'], 3)", "'x, y'")],
        [("preview_list([], 3)", "''"),
         ("preview_list(['a', 'b', 'c'], 3)", "'a, b, c'"),
         ("preview_list(['ann', 'bob'], 1)", "'ann and 1 more'")],
        "shown = ', '.join(items[:limit])\n"
        "extra = len(items) - limit\n"
        "return f'{shown} and {extra} more' if extra > 0 else shown",
        arrow=True,
    ),
    Task(
        "compress_ranges", "(numbers: list[int]) -> str",
        "Describe sorted, distinct integers compactly: runs of consecutive numbers "
        "become 'first-last' and groups are separated by commas.",
        [("compress_ranges([1, 2, 3, 5, 7, 8])", "'1-3,5,7-8'"),
         ("compress_ranges([4, 9])", "'4,9'")],
        [("compress_ranges([])", "''"), ("compress_ranges([6])", "'6'"),
         ("compress_ranges([10, 11])", "'10-11'"),
         ("compress_ranges([1, 2, 3, 4, 5])", "'1-5'")],
        "groups = []\n"
        "for n in numbers:\n"
        "    if groups and n == groups[-1][1] + 1:\n"
        "        groups[-1][1] = n\n"
        "    else:\n"
        "        groups.append([n, n])\n"
        "return ','.join(str(a) if a == b else f'{a}-{b}' for a, b in groups)",
    ),
    Task(
        "season", "(month) -> str",
        "Return the Northern Hemisphere season of a month number: 'winter' for "
        "December to February, 'spring' for March to May, 'summer' for June to "
        "August and 'autumn' for September to November.",
        [("season(1)", "'winter'"), ("season(7)", "'summer'"), ("season(10)", "'autumn'")],
        [("season(12)", "'winter'"), ("season(3)", "'spring'"),
         ("season(11)", "'autumn'"), ("season(5)", "'spring'")],
        "return ['winter', 'spring', 'summer', 'autumn'][month % 12 // 3]",
        arrow=True,
    ),
    Task(
        "compass_point", "(degrees: float) -> str",
        "Convert a wind bearing in degrees to the nearest of the eight compass "
        "points N, NE, E, SE, S, SW, W and NW.",
        [("compass_point(0)", "'N'"), ("compass_point(100)", "'E'"),
         ("compass_point(225)", "'SW'")],
        [("compass_point(359)", "'N'"), ("compass_point(44)", "'NE'"),
         ("compass_point(360)", "'N'"), ("compass_point(180)", "'S'")],
        "points = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']\n"
        "return points[round(degrees / 45) % 8]",
    ),
    Task(
        "running_pace", "(total_seconds: int, km: float) -> str",
        "Return the average pace per kilometre as 'M:SS', rounded to the nearest "
        "second.",
        [("running_pace(1650, 5)", "'5:30'"), ("running_pace(3600, 10)", "'6:00'")],
        [("running_pace(2998, 10)", "'5:00'"), ("running_pace(245, 1)", "'4:05'"),
         ("running_pace(5400, 21.1)", "'4:16'"), ("running_pace(3725, 5)", "'12:25'")],
        "per_km = round(total_seconds / km)\n"
        "return f'{per_km // 60}:{per_km % 60:02d}'",
    ),
    Task(
        "abbreviate_name", "(full_name: str) -> str",
        "Shorten every name except the last to its first letter followed by a "
        "period.",
        [("abbreviate_name('John Ronald Tolkien')", "'J. R. Tolkien'"),
         ("abbreviate_name('Ada Lovelace')", "'A. Lovelace'")],
        [("abbreviate_name('Cher')", "'Cher'"),
         ("abbreviate_name('Mary-Jane Watson')", "'M. Watson'"),
         ("abbreviate_name('  Grace   Hopper ')", "'G. Hopper'")],
        "*given, last = full_name.split()\n"
        "return ' '.join([f'{name[0]}.' for name in given] + [last])",
        arrow=True,
    ),
    # ------------------------------------------------------------------ int
    Task(
        "count_nonblank_lines", "(lines: list[str]) -> int",
        "Count the lines that contain something other than whitespace.",
        [("count_nonblank_lines(['a', '', '  ', 'b'])", "2"),
         ("count_nonblank_lines(['x = 1', 'y = 2'])", "2")],
        [("count_nonblank_lines([])", "0"), ("count_nonblank_lines(['   '])", "0"),
         ("count_nonblank_lines(['\\t', 'end'])", "1")],
        "return sum(1 for line in lines if line.strip())",
    ),
    Task(
        "count_sentences", "(text: str) -> int",
        "Count the sentences in text. A sentence ends with '.', '!' or '?', and a "
        "run of them such as '?!' or '...' ends only one sentence.",
        [("count_sentences('Hi. How are you? Fine!')", "3"),
         ("count_sentences('Wait... what?!')", "2")],
        [("count_sentences('')", "0"), ("count_sentences('One sentence.')", "1"),
         ("count_sentences('Really?? Yes.')", "2")],
        "count = 0\n"
        "previous = False\n"
        "for c in text:\n"
        "    is_end = c in '.!?'\n"
        "    if is_end and not previous:\n"
        "        count += 1\n"
        "    previous = is_end\n"
        "return count",
        arrow=True,
    ),
    Task(
        "gcd_all", "(numbers: list[int]) -> int",
        "Return the greatest common divisor of all the numbers, or 0 for an empty "
        "list.",
        [("gcd_all([12, 18, 24])", "6"), ("gcd_all([7, 5])", "1")],
        [("gcd_all([])", "0"), ("gcd_all([10])", "10"), ("gcd_all([0, 9])", "9"),
         ("gcd_all([-4, 6])", "2")],
        "import math\nreturn math.gcd(*numbers)",
    ),
    Task(
        "reverse_digits", "(n: int) -> int",
        "Reverse the decimal digits of n, keeping its sign; leading zeros in the "
        "result are dropped.",
        [("reverse_digits(123)", "321"), ("reverse_digits(-45)", "-54")],
        [("reverse_digits(1200)", "21"), ("reverse_digits(0)", "0"),
         ("reverse_digits(7)", "7"), ("reverse_digits(-100)", "-1")],
        "value = int(str(abs(n))[::-1])\nreturn -value if n < 0 else value",
        arrow=True,
    ),
    Task(
        "business_days", "(start: str, end: str) -> int",
        "Count the weekdays (Monday to Friday) from start to end inclusive, where "
        "both are 'YYYY-MM-DD' dates.",
        [("business_days('2024-03-04', '2024-03-08')", "5"),
         ("business_days('2024-03-01', '2024-03-11')", "7")],
        [("business_days('2024-03-09', '2024-03-10')", "0"),
         ("business_days('2024-03-06', '2024-03-06')", "1"),
         ("business_days('2023-12-29', '2024-01-02')", "3")],
        "import datetime\n"
        "day = datetime.date.fromisoformat(start)\n"
        "last = datetime.date.fromisoformat(end)\n"
        "count = 0\n"
        "while day <= last:\n"
        "    if day.weekday() < 5:\n"
        "        count += 1\n"
        "    day += datetime.timedelta(days=1)\n"
        "return count",
    ),
    Task(
        "sum_durations", "(durations: list[str]) -> int",
        "Add up a list of 'H:MM' durations and return the total in minutes.",
        [("sum_durations(['1:30', '0:45'])", "135"), ("sum_durations(['2:00'])", "120")],
        [("sum_durations([])", "0"), ("sum_durations(['0:05', '0:05', '0:05'])", "15"),
         ("sum_durations(['10:59', '0:01'])", "660")],
        "total = 0\n"
        "for duration in durations:\n"
        "    hours, minutes = duration.split(':')\n"
        "    total += int(hours) * 60 + int(minutes)\n"
        "return total",
        arrow=True,
    ),
    Task(
        "parse_file_size", "(text: str) -> int",
        "Convert a size such as '10MB' or '1.5 GB' to a number of bytes. Units "
        "are B, KB, MB and GB (1024-based, any case).",
        [("parse_file_size('10MB')", "10485760"), ("parse_file_size('512 B')", "512")],
        [("parse_file_size('1.5 GB')", "1610612736"), ("parse_file_size('2kb')", "2048"),
         ("parse_file_size('0KB')", "0")],
        "text = text.strip().upper()\n"
        "for unit, factor in (('GB', 1024 ** 3), ('MB', 1024 ** 2), ('KB', 1024), ('B', 1)):\n"
        "    if text.endswith(unit):\n"
        "        return int(float(text[:-len(unit)]) * factor)\n"
        "return int(text)",
    ),
    Task(
        "unique_word_count", "(text: str) -> int",
        "Count the distinct words in text, ignoring case and any punctuation at "
        "the start or end of a word.",
        [("unique_word_count('The cat and the hat.')", "4"),
         ("unique_word_count('Go, go, GO!')", "1")],
        [("unique_word_count('')", "0"), ("unique_word_count('one')", "1"),
         ("unique_word_count(\"It's its own thing\")", "4")],
        "import string\n"
        "words = {word.strip(string.punctuation).lower() for word in text.split()}\n"
        "words.discard('')\n"
        "return len(words)",
        arrow=True,
    ),
    Task(
        "max_profit", "(prices: list[int]) -> int",
        "Return the best profit from buying on one day and selling on a later "
        "day, or 0 if no trade makes money.",
        [("max_profit([7, 1, 5, 3, 6, 4])", "5"), ("max_profit([7, 6, 4, 3, 1])", "0")],
        [("max_profit([])", "0"), ("max_profit([5])", "0"), ("max_profit([1, 2])", "1"),
         ("max_profit([2, 9, 1, 4])", "7")],
        "best = 0\n"
        "lowest = None\n"
        "for price in prices:\n"
        "    if lowest is None or price < lowest:\n"
        "        lowest = price\n"
        "    best = max(best, price - lowest)\n"
        "return best",
    ),
    Task(
        "seconds_until_midnight", "(time: str) -> int",
        "Return how many seconds are left until midnight from an 'HH:MM:SS' time.",
        [("seconds_until_midnight('23:59:00')", "60"),
         ("seconds_until_midnight('12:00:00')", "43200")],
        [("seconds_until_midnight('00:00:01')", "86399"),
         ("seconds_until_midnight('23:59:59')", "1"),
         ("seconds_until_midnight('18:30:15')", "19785")],
        "hours, minutes, seconds = map(int, time.split(':'))\n"
        "return 86400 - (hours * 3600 + minutes * 60 + seconds)",
        arrow=True,
    ),
    Task(
        "next_leap_year", "(year: int) -> int",
        "Return the first leap year that comes after the given year.",
        [("next_leap_year(2021)", "2024"), ("next_leap_year(2024)", "2028")],
        [("next_leap_year(1896)", "1904"), ("next_leap_year(2096)", "2104"),
         ("next_leap_year(1999)", "2000")],
        "year += 1\n"
        "while not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):\n"
        "    year += 1\n"
        "return year",
    ),
    Task(
        "edit_distance", "(a: str, b: str) -> int",
        "Return the Levenshtein distance between two strings: the fewest "
        "single-character insertions, deletions or substitutions that turn a "
        "into b.",
        [("edit_distance('kitten', 'sitting')", "3"), ("edit_distance('flaw', 'lawn')", "2")],
        [("edit_distance('', 'abc')", "3"), ("edit_distance('same', 'same')", "0"),
         ("edit_distance('a', '')", "1"), ("edit_distance('abc', 'cab')", "2")],
        "previous = list(range(len(b) + 1))\n"
        "for i, ca in enumerate(a, 1):\n"
        "    current = [i]\n"
        "    for j, cb in enumerate(b, 1):\n"
        "        current.append(min(previous[j] + 1, current[j - 1] + 1,\n"
        "                           previous[j - 1] + (ca != cb)))\n"
        "    previous = current\n"
        "return previous[-1]",
        arrow=True,
    ),
    Task(
        "century", "(year: int) -> int",
        "Return the century a year belongs to; the 20th century runs from 1901 "
        "to 2000.",
        [("century(1999)", "20"), ("century(2024)", "21")],
        [("century(2000)", "20"), ("century(2001)", "21"), ("century(1)", "1"),
         ("century(100)", "1")],
        "return (year + 99) // 100",
    ),
    # ----------------------------------------------------------------- bool
    Task(
        "is_isbn10", "(code: str) -> bool",
        "Check an ISBN-10, ignoring hyphens: ten characters, all digits except "
        "that the last may be 'X' (meaning 10), where the sum of each digit "
        "times its position (1 to 10) is divisible by 11.",
        [("is_isbn10('0-306-40615-2')", "True"), ("is_isbn10('0306406153')", "False")],
        [("is_isbn10('080442957X')", "True"), ("is_isbn10('')", "False"),
         ("is_isbn10('12345')", "False"), ("is_isbn10('X123456789')", "False")],
        "chars = code.replace('-', '')\n"
        "if len(chars) != 10:\n"
        "    return False\n"
        "total = 0\n"
        "for position, c in enumerate(chars, 1):\n"
        "    if c.isdigit():\n"
        "        value = int(c)\n"
        "    elif c == 'X' and position == 10:\n"
        "        value = 10\n"
        "    else:\n"
        "        return False\n"
        "    total += position * value\n"
        "return total % 11 == 0",
    ),
    Task(
        "is_valid_slug", "(text: str) -> bool",
        "Check that text is a URL slug: words of lowercase ASCII letters and "
        "digits separated by single hyphens.",
        [("is_valid_slug('hello-world-2')", "True"),
         ("is_valid_slug('Hello-World')", "False"),
         ("is_valid_slug('a--b')", "False")],
        [("is_valid_slug('')", "False"), ("is_valid_slug('-start')", "False"),
         ("is_valid_slug('end-')", "False"), ("is_valid_slug('single')", "True")],
        "allowed = 'abcdefghijklmnopqrstuvwxyz0123456789'\n"
        "return all(part and all(c in allowed for c in part) for part in text.split('-'))",
        arrow=True,
    ),
    Task(
        "is_hidden_file", "(path) -> bool",
        "Return True if the name at the end of a '/'-separated path starts with "
        "a dot.",
        [("is_hidden_file('/home/me/.bashrc')", "True"),
         ("is_hidden_file('notes.txt')", "False")],
        [("is_hidden_file('.git/config')", "False"), ("is_hidden_file('a/.env')", "True"),
         ("is_hidden_file('./run.sh')", "False"), ("is_hidden_file('')", "False")],
        "return path.rsplit('/', 1)[-1].startswith('.')",
    ),
    Task(
        "is_perfect_square", "(n: int) -> bool",
        "Return True if n is the square of an integer.",
        [("is_perfect_square(16)", "True"), ("is_perfect_square(15)", "False")],
        [("is_perfect_square(0)", "True"), ("is_perfect_square(1)", "True"),
         ("is_perfect_square(-4)", "False"), ("is_perfect_square(1000000)", "True")],
        "import math\nreturn n >= 0 and math.isqrt(n) ** 2 == n",
        arrow=True,
    ),
    Task(
        "is_semver", "(version: str) -> bool",
        "Check that version has the form 'MAJOR.MINOR.PATCH', three non-negative "
        "integers separated by dots.",
        [("is_semver('1.4.2')", "True"), ("is_semver('1.4')", "False")],
        [("is_semver('0.0.0')", "True"), ("is_semver('1.2.3.4')", "False"),
         ("is_semver('1.a.3')", "False"), ("is_semver('')", "False")],
        "parts = version.split('.')\n"
        "return len(parts) == 3 and all(part.isdigit() for part in parts)",
    ),
    Task(
        "is_uuid", "(text: str) -> bool",
        "Check that text looks like a UUID: 32 hex digits, in either case, "
        "written in groups of 8-4-4-4-12 separated by hyphens.",
        [("is_uuid('123e4567-e89b-12d3-a456-426614174000')", "True"),
         ("is_uuid('123e4567e89b12d3a456426614174000')", "False")],
        [("is_uuid('123E4567-E89B-12D3-A456-426614174000')", "True"),
         ("is_uuid('')", "False"),
         ("is_uuid('123e4567-e89b-12d3-a456-42661417400g')", "False")],
        "parts = text.split('-')\n"
        "return ([len(part) for part in parts] == [8, 4, 4, 4, 12]\n"
        "        and all(c in '0123456789abcdefABCDEF' for part in parts for c in part))",
        arrow=True,
    ),
    Task(
        "ranges_overlap", "(a: tuple[int, int], b: tuple[int, int]) -> bool",
        "Return True if two inclusive (start, end) ranges share at least one "
        "value.",
        [("ranges_overlap((1, 5), (4, 8))", "True"),
         ("ranges_overlap((1, 3), (5, 9))", "False")],
        [("ranges_overlap((1, 5), (5, 9))", "True"),
         ("ranges_overlap((5, 9), (1, 4))", "False"),
         ("ranges_overlap((2, 3), (0, 10))", "True")],
        "return a[0] <= b[1] and b[0] <= a[1]",
    ),
    Task(
        "is_mac_address", "(text: str) -> bool",
        "Check that text is a MAC address written as six pairs of hex digits "
        "separated by colons.",
        [("is_mac_address('00:1a:2b:3c:4d:5e')", "True"),
         ("is_mac_address('00-1a-2b-3c-4d-5e')", "False")],
        [("is_mac_address('00:1A:2B:3C:4D:5E')", "True"),
         ("is_mac_address('00:1a:2b:3c:4d')", "False"),
         ("is_mac_address('0:1a:2b:3c:4d:5e')", "False"),
         ("is_mac_address('')", "False")],
        "parts = text.split(':')\n"
        "return len(parts) == 6 and all(\n"
        "    len(part) == 2 and all(c in '0123456789abcdefABCDEF' for c in part)\n"
        "    for part in parts)",
        arrow=True,
    ),
    Task(
        "is_same_day", "(first, second) -> bool",
        "Return True if two 'YYYY-MM-DD HH:MM' timestamps fall on the same "
        "calendar date.",
        [("is_same_day('2024-05-01 09:00', '2024-05-01 23:59')", "True"),
         ("is_same_day('2024-05-01 23:59', '2024-05-02 00:00')", "False")],
        [("is_same_day('2024-05-01 10:00', '2024-05-01 10:00')", "True"),
         ("is_same_day('2023-05-01 10:00', '2024-05-01 10:00')", "False"),
         ("is_same_day('2024-06-01 08:00', '2024-05-01 08:00')", "False")],
        "return first[:10] == second[:10]",
    ),
    Task(
        "is_within_budget", "(items: list[dict], budget: float) -> bool",
        "Return True if the total 'price' of the items is no more than budget.",
        [("is_within_budget([{'price': 20}, {'price': 15.5}], 50)", "True"),
         ("is_within_budget([{'price': 30}, {'price': 25}], 50)", "False")],
        [("is_within_budget([], 0)", "True"),
         ("is_within_budget([{'price': 50}], 50)", "True"),
         ("is_within_budget([{'price': 10}], 9.99)", "False")],
        "return sum(item['price'] for item in items) <= budget",
        arrow=True,
    ),
    Task(
        "is_consecutive", "(numbers: list[int]) -> bool",
        "Return True if the numbers, in any order, form a run of consecutive "
        "integers with no repeats.",
        [("is_consecutive([3, 1, 2])", "True"), ("is_consecutive([1, 2, 4])", "False")],
        [("is_consecutive([5])", "True"), ("is_consecutive([1, 1, 2])", "False"),
         ("is_consecutive([-1, 0, 1])", "True")],
        "if len(set(numbers)) != len(numbers):\n"
        "    return False\n"
        "return not numbers or max(numbers) - min(numbers) == len(numbers) - 1",
    ),
    Task(
        "is_valid_date", "(text: str) -> bool",
        "Check that text is a real calendar date written as 'YYYY-MM-DD'.",
        [("is_valid_date('2024-02-29')", "True"), ("is_valid_date('2023-02-29')", "False")],
        [("is_valid_date('2024-13-01')", "False"), ("is_valid_date('2024-1-5')", "False"),
         ("is_valid_date('')", "False"), ("is_valid_date('1999-12-31')", "True")],
        "import datetime\n"
        "parts = text.split('-')\n"
        "if [len(p) for p in parts] != [4, 2, 2] or not all(p.isdigit() for p in parts):\n"
        "    return False\n"
        "try:\n"
        "    datetime.date(*map(int, parts))\n"
        "except ValueError:\n"
        "    return False\n"
        "return True",
        arrow=True,
    ),
    Task(
        "is_private_ip", "(address: str) -> bool",
        "Return True if an IPv4 address is in a private range: 10.x.x.x, "
        "172.16.x.x to 172.31.x.x, or 192.168.x.x.",
        [("is_private_ip('192.168.1.10')", "True"), ("is_private_ip('8.8.8.8')", "False")],
        [("is_private_ip('172.16.0.1')", "True"), ("is_private_ip('172.32.0.1')", "False"),
         ("is_private_ip('10.255.255.255')", "True"),
         ("is_private_ip('172.15.9.9')", "False")],
        "first, second = map(int, address.split('.')[:2])\n"
        "return first == 10 or (first == 172 and 16 <= second <= 31) or (\n"
        "    first == 192 and second == 168)",
    ),
    Task(
        "gets_discount", "(age, is_student) -> bool",
        "A customer gets the discount if they are under 18, 65 or older, or a "
        "student.",
        [("gets_discount(16, False)", "True"), ("gets_discount(30, False)", "False"),
         ("gets_discount(30, True)", "True")],
        [("gets_discount(18, False)", "False"), ("gets_discount(65, False)", "True"),
         ("gets_discount(64, False)", "False"), ("gets_discount(17, True)", "True")],
        "return age < 18 or age >= 65 or is_student",
        arrow=True,
    ),
    Task(
        "matches_glob", "(filename: str, pattern: str) -> bool",
        "Return True if filename matches a shell-style pattern in which '*' "
        "matches any run of characters and '?' exactly one; matching is "
        "case-sensitive.",
        [("matches_glob('report.csv', '*.csv')", "True"),
         ("matches_glob('report.csv', '*.txt')", "False")],
        [("matches_glob('a.csv', '?.csv')", "True"),
         ("matches_glob('ab.csv', '?.csv')", "False"),
         ("matches_glob('Report.CSV', '*.csv')", "False"),
         ("matches_glob('', '*')", "True")],
        "import fnmatch\nreturn fnmatch.fnmatchcase(filename, pattern)",
    ),
    # ---------------------------------------------------------------- float
    Task(
        "annual_salary", "(hourly_rate, hours_per_week)",
        "Estimate yearly pay from an hourly rate and weekly hours, assuming 52 "
        "paid weeks, rounded to cents.",
        [("annual_salary(25, 40)", "52000.0"), ("annual_salary(18.5, 20)", "19240.0")],
        [("annual_salary(0, 40)", "0.0"), ("annual_salary(15.75, 37.5)", "30712.5"),
         ("annual_salary(10, 0)", "0.0")],
        "return round(float(hourly_rate) * hours_per_week * 52, 2)",
        arrow=True,
    ),
    Task(
        "gross_margin", "(price: float, cost: float) -> float",
        "Return the gross margin as a percentage of the price, rounded to one "
        "decimal.",
        [("gross_margin(100, 60)", "40.0"), ("gross_margin(80, 50)", "37.5")],
        [("gross_margin(10, 10)", "0.0"), ("gross_margin(50, 75)", "-50.0"),
         ("gross_margin(3, 1)", "66.7")],
        "return round((price - cost) / price * 100, 1)",
    ),
    Task(
        "circle_area", "(radius: float) -> float",
        "Return the area of a circle with the given radius, rounded to 2 "
        "decimals.",
        [("circle_area(1)", "3.14"), ("circle_area(2.5)", "19.63")],
        [("circle_area(0)", "0.0"), ("circle_area(10)", "314.16"),
         ("circle_area(0.5)", "0.79")],
        "import math\nreturn round(math.pi * radius ** 2, 2)",
        arrow=True,
    ),
    Task(
        "simple_interest", "(principal, rate, days) -> float",
        "Return the simple interest earned on principal at an annual rate over a "
        "number of days, using a 365-day year, rounded to cents.",
        [("simple_interest(1000, 0.05, 365)", "50.0"),
         ("simple_interest(2000, 0.03, 90)", "14.79")],
        [("simple_interest(1000, 0.05, 0)", "0.0"), ("simple_interest(500, 0, 30)", "0.0"),
         ("simple_interest(10000, 0.045, 30)", "36.99")],
        "return round(principal * rate * days / 365, 2)",
    ),
    Task(
        "liters_per_100km", "(km: float, liters: float) -> float",
        "Return fuel consumption in litres per 100 km, rounded to one decimal.",
        [("liters_per_100km(500, 40)", "8.0"), ("liters_per_100km(320, 21.5)", "6.7")],
        [("liters_per_100km(250, 20)", "8.0"), ("liters_per_100km(1000, 47.3)", "4.7"),
         ("liters_per_100km(60, 3)", "5.0")],
        "return round(liters / km * 100, 1)",
        arrow=True,
    ),
    Task(
        "std_dev", "(values: list[float]) -> float",
        "Return the population standard deviation of the values, rounded to 2 "
        "decimals.",
        [("std_dev([2, 4, 4, 4, 5, 5, 7, 9])", "2.0"), ("std_dev([1, 2, 3])", "0.82")],
        [("std_dev([5])", "0.0"), ("std_dev([10, 10, 10])", "0.0"),
         ("std_dev([-1, 1])", "1.0")],
        "mean = sum(values) / len(values)\n"
        "variance = sum((v - mean) ** 2 for v in values) / len(values)\n"
        "return round(variance ** 0.5, 2)",
    ),
    Task(
        "weekly_pay", "(hours: float, rate: float) -> float",
        "Return a week's pay: hours up to 40 are paid at the normal rate and any "
        "hours beyond 40 at 1.5 times the rate, rounded to cents.",
        [("weekly_pay(40, 20)", "800.0"), ("weekly_pay(45, 20)", "950.0")],
        [("weekly_pay(0, 15)", "0.0"), ("weekly_pay(38.5, 12)", "462.0"),
         ("weekly_pay(50, 10.5)", "577.5")],
        "regular = min(hours, 40)\n"
        "overtime = max(hours - 40, 0)\n"
        "return round(regular * rate + overtime * rate * 1.5, 2)",
        arrow=True,
    ),
    Task(
        "sales_commission", "(sales: float) -> float",
        "Commission is 5% of the first 10,000 in sales plus 8% of any sales "
        "above that, rounded to cents.",
        [("sales_commission(8000)", "400.0"), ("sales_commission(15000)", "900.0")],
        [("sales_commission(0)", "0.0"), ("sales_commission(10000)", "500.0"),
         ("sales_commission(12345.67)", "687.65")],
        "return round(min(sales, 10000) * 0.05 + max(sales - 10000, 0) * 0.08, 2)",
    ),
    Task(
        "sleep_hours", "(bedtime: str, wake: str) -> float",
        "Return the hours slept between an 'HH:MM' bedtime and wake-up time (the "
        "wake-up may be on the next day), rounded to 2 decimals.",
        [("sleep_hours('23:00', '07:00')", "8.0"), ("sleep_hours('22:30', '06:15')", "7.75")],
        [("sleep_hours('01:00', '09:30')", "8.5"), ("sleep_hours('23:45', '00:05')", "0.33"),
         ("sleep_hours('13:00', '14:20')", "1.33")],
        "def minutes(t: str) -> int:\n"
        "    h, m = t.split(':')\n"
        "    return int(h) * 60 + int(m)\n"
        "return round((minutes(wake) - minutes(bedtime)) % 1440 / 60, 2)",
        arrow=True,
    ),
    Task(
        "trimmed_mean", "(values) -> float",
        "Return the mean after dropping one lowest and one highest value, rounded "
        "to 2 decimals. The list has at least three values.",
        [("trimmed_mean([1, 2, 3, 4, 100])", "3.0"), ("trimmed_mean([5, 5, 6, 9])", "5.5")],
        [("trimmed_mean([1, 2, 3])", "2.0"), ("trimmed_mean([7, 7, 7])", "7.0"),
         ("trimmed_mean([-10, 0, 1, 2, 50])", "1.0")],
        "kept = sorted(values)[1:-1]\nreturn round(sum(kept) / len(kept), 2)",
    ),
    # ----------------------------------------------------------------- list
    Task(
        "wrap_text", "(text: str, width: int) -> list[str]",
        "Break text into lines of at most width characters, breaking only between "
        "words; a word longer than width gets a line of its own.",
        [("wrap_text('the quick brown fox', 10)", "['the quick', 'brown fox']"),
         ("wrap_text('hello', 10)", "['hello']")],
        [("wrap_text('', 5)", "[]"), ("wrap_text('a b c d', 3)", "['a b', 'c d']"),
         ("wrap_text('aaa bbb ccc', 7)", "['aaa bbb', 'ccc']"),
         ("wrap_text('a verylongword b', 4)", "['a', 'verylongword', 'b']")],
        "lines = []\n"
        "current = ''\n"
        "for word in text.split():\n"
        "    if current and len(current) + 1 + len(word) > width:\n"
        "        lines.append(current)\n"
        "        current = word\n"
        "    else:\n"
        "        current = f'{current} {word}' if current else word\n"
        "if current:\n"
        "    lines.append(current)\n"
        "return lines",
    ),
    Task(
        "sort_versions", "(versions: list[str]) -> list[str]",
        "Sort dotted version strings in numeric order, so '1.10' comes after "
        "'1.9'.",
        [("sort_versions(['1.10', '1.2', '1.9'])", "['1.2', '1.9', '1.10']"),
         ("sort_versions(['2.0.1', '2.0'])", "['2.0', '2.0.1']")],
        [("sort_versions([])", "[]"), ("sort_versions(['10.0', '9.9.9'])", "['9.9.9', '10.0']"),
         ("sort_versions(['0.1'])", "['0.1']")],
        "return sorted(versions, key=lambda v: [int(part) for part in v.split('.')])",
        arrow=True,
    ),
    Task(
        "competition_ranks", "(scores: list[int]) -> list[int]",
        "Rank each score, highest first; tied scores share a rank and the ranks "
        "after a tie are skipped (1, 2, 2, 4).",
        [("competition_ranks([90, 80, 80, 70])", "[1, 2, 2, 4]"),
         ("competition_ranks([50, 70, 60])", "[3, 1, 2]")],
        [("competition_ranks([])", "[]"), ("competition_ranks([5, 5, 5])", "[1, 1, 1]"),
         ("competition_ranks([10])", "[1]"),
         ("competition_ranks([1, 2, 2, 3])", "[4, 2, 2, 1]")],
        "return [1 + sum(1 for other in scores if other > score) for score in scores]",
    ),
    Task(
        "positions_of", "(items, value)",
        "Return every index at which value occurs in items.",
        [("positions_of(['a', 'b', 'a'], 'a')", "[0, 2]"), ("positions_of([1, 2, 3], 4)", "[]")],
        [("positions_of([], 1)", "[]"), ("positions_of([7, 7, 7], 7)", "[0, 1, 2]"),
         ("positions_of(['A', 'a'], 'a')", "[1]")],
        "return [i for i, item in enumerate(items) if item == value]",
        arrow=True,
    ),
    Task(
        "words_starting_with", "(words: list[str], prefix: str) -> list[str]",
        "Return the words that start with prefix, ignoring case, in their "
        "original order.",
        [("words_starting_with(['Apple', 'banana', 'apricot'], 'ap')", "['Apple', 'apricot']"),
         ("words_starting_with(['kiwi', 'lime'], 'z')", "[]")],
        [("words_starting_with([], 'a')", "[]"),
         ("words_starting_with(['Zoo', 'zebra'], 'Z')", "['Zoo', 'zebra']"),
         ("words_starting_with(['a', 'b'], '')", "['a', 'b']")],
        "return [word for word in words if word.lower().startswith(prefix.lower())]",
    ),
    Task(
        "remove_stopwords", "(text: str, stopwords: set[str]) -> list[str]",
        "Split text into lowercase words and drop the ones that are in "
        "stopwords.",
        [("remove_stopwords('The cat and the hat', {'the', 'and'})", "['cat', 'hat']"),
         ("remove_stopwords('Hello world', {'a'})", "['hello', 'world']")],
        [("remove_stopwords('', {'a'})", "[]"), ("remove_stopwords('A a A', {'a'})", "[]"),
         ("remove_stopwords('  big   dog ', set())", "['big', 'dog']")],
        "return [word for word in text.lower().split() if word not in stopwords]",
        arrow=True,
    ),
    Task(
        "natural_sort", "(names: list[str]) -> list[str]",
        "Sort strings so that runs of digits compare as numbers, putting "
        "'file2' before 'file10'.",
        [("natural_sort(['file10', 'file2', 'file1'])", "['file1', 'file2', 'file10']"),
         ("natural_sort(['img12.png', 'img3.png'])", "['img3.png', 'img12.png']")],
        [("natural_sort([])", "[]"), ("natural_sort(['b1', 'a2', 'a10'])", "['a2', 'a10', 'b1']"),
         ("natural_sort(['v1.10', 'v1.9'])", "['v1.9', 'v1.10']")],
        "import re\n"
        "def key(name: str) -> list:\n"
        "    return [int(part) if part.isdigit() else part for part in re.split(r'(\\d+)', name)]\n"
        "return sorted(names, key=key)",
    ),
    Task(
        "date_range", "(start: str, end: str) -> list[str]",
        "List every 'YYYY-MM-DD' date from start to end, inclusive.",
        [("date_range('2024-02-27', '2024-03-01')",
          "['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']"),
         ("date_range('2024-06-10', '2024-06-11')", "['2024-06-10', '2024-06-11']")],
        [("date_range('2024-01-01', '2024-01-01')", "['2024-01-01']"),
         ("date_range('2023-12-30', '2024-01-02')",
          "['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02']"),
         ("date_range('2023-02-28', '2023-03-01')", "['2023-02-28', '2023-03-01']")],
        "import datetime\n"
        "day = datetime.date.fromisoformat(start)\n"
        "last = datetime.date.fromisoformat(end)\n"
        "dates = []\n"
        "while day <= last:\n"
        "    dates.append(day.isoformat())\n"
        "    day += datetime.timedelta(days=1)\n"
        "return dates",
        arrow=True,
    ),
    Task(
        "emails_at_domain", "(emails: list[str], domain: str) -> list[str]",
        "Return the addresses whose domain is exactly domain, compared "
        "case-insensitively.",
        [("emails_at_domain(['a@x.com', 'b@y.com', 'c@X.com'], 'x.com')",
          "['a@x.com', 'c@X.com']"),
         ("emails_at_domain(['a@x.com'], 'y.com')", "[]")],
        [("emails_at_domain([], 'x.com')", "[]"),
         ("emails_at_domain(['a@sub.x.com'], 'x.com')", "[]"),
         ("emails_at_domain(['bob@x.com.au'], 'x.com')", "[]"),
         ("emails_at_domain(['A@Shop.io'], 'SHOP.IO')", "['A@Shop.io']")],
        "return [e for e in emails if e.rpartition('@')[2].lower() == domain.lower()]",
    ),
    Task(
        "pad_to_length", "(items: list, length: int, fill=None) -> list",
        "Return a copy of items extended with fill up to length; lists that are "
        "already long enough are returned unchanged.",
        [("pad_to_length([1, 2], 4)", "[1, 2, None, None]"),
         ("pad_to_length(['a'], 3, '')", "['a', '', '']")],
        [("pad_to_length([], 2, 0)", "[0, 0]"), ("pad_to_length([1, 2, 3], 2)", "[1, 2, 3]"),
         ("pad_to_length([1], 1)", "[1]")],
        "return items + [fill] * (length - len(items))",
        arrow=True,
    ),
    Task(
        "primes_up_to", "(n: int) -> list[int]",
        "Return all prime numbers less than or equal to n, in increasing order.",
        [("primes_up_to(10)", "[2, 3, 5, 7]"), ("primes_up_to(2)", "[2]")],
        [("primes_up_to(1)", "[]"), ("primes_up_to(0)", "[]"),
         ("primes_up_to(20)", "[2, 3, 5, 7, 11, 13, 17, 19]"),
         ("primes_up_to(13)", "[2, 3, 5, 7, 11, 13]")],
        "primes = []\n"
        "for candidate in range(2, n + 1):\n"
        "    if all(candidate % p for p in primes if p * p <= candidate):\n"
        "        primes.append(candidate)\n"
        "return primes",
    ),
    Task(
        "sort_by_last_name", "(names: list[str]) -> list[str]",
        "Sort full names by last name (the last word), then by the rest of the "
        "name, ignoring case.",
        [("sort_by_last_name(['Ada Lovelace', 'Alan Turing', 'Grace Hopper'])",
          "['Grace Hopper', 'Ada Lovelace', 'Alan Turing']"),
         ("sort_by_last_name(['Bo Li', 'Al Li'])", "['Al Li', 'Bo Li']")],
        [("sort_by_last_name([])", "[]"),
         ("sort_by_last_name(['ann smith', 'Bob Jones'])", "['Bob Jones', 'ann smith']"),
         ("sort_by_last_name(['Cher'])", "['Cher']"),
         ("sort_by_last_name(['Mary Ann Evans', 'John Evans'])",
          "['John Evans', 'Mary Ann Evans']")],
        "def key(name: str) -> tuple:\n"
        "    *rest, last = name.lower().split()\n"
        "    return last, ' '.join(rest)\n"
        "return sorted(names, key=key)",
        arrow=True,
    ),
    Task(
        "make_change", "(cents: int) -> list[int]",
        "Break an amount in cents into the fewest US coins (25, 10, 5 and 1), "
        "largest first.",
        [("make_change(41)", "[25, 10, 5, 1]"), ("make_change(30)", "[25, 5]")],
        [("make_change(0)", "[]"), ("make_change(4)", "[1, 1, 1, 1]"),
         ("make_change(75)", "[25, 25, 25]"),
         ("make_change(99)", "[25, 25, 25, 10, 10, 1, 1, 1, 1]")],
        "coins = []\n"
        "for coin in (25, 10, 5, 1):\n"
        "    count, cents = divmod(cents, coin)\n"
        "    coins += [coin] * count\n"
        "return coins",
    ),
    # ----------------------------------------------------------------- dict
    Task(
        "expand_dotted_keys", "(data: dict) -> dict",
        "Turn a flat dict with dotted keys like 'db.host' into nested dicts.",
        [("expand_dotted_keys({'db.host': 'x', 'db.port': 5432})",
          "{'db': {'host': 'x', 'port': 5432}}"),
         ("expand_dotted_keys({'debug': True})", "{'debug': True}")],
        [("expand_dotted_keys({})", "{}"),
         ("expand_dotted_keys({'a.b.c': 1, 'a.d': 2})", "{'a': {'b': {'c': 1}, 'd': 2}}"),
         ("expand_dotted_keys({'x': 1, 'y.z': 2})", "{'x': 1, 'y': {'z': 2}}")],
        "result = {}\n"
        "for key, value in data.items():\n"
        "    *parents, leaf = key.split('.')\n"
        "    node = result\n"
        "    for parent in parents:\n"
        "        node = node.setdefault(parent, {})\n"
        "    node[leaf] = value\n"
        "return result",
        arrow=True,
    ),
    Task(
        "word_positions", "(text: str) -> dict[str, list[int]]",
        "Map each lowercase word to the 0-based positions at which it occurs "
        "among the whitespace-separated words of text.",
        [("word_positions('to be or not to be')",
          "{'to': [0, 4], 'be': [1, 5], 'or': [2], 'not': [3]}"),
         ("word_positions('Hi hi there')", "{'hi': [0, 1], 'there': [2]}")],
        [("word_positions('')", "{}"), ("word_positions('one')", "{'one': [0]}"),
         ("word_positions('A  b   A')", "{'a': [0, 2], 'b': [1]}")],
        "positions = {}\n"
        "for i, word in enumerate(text.lower().split()):\n"
        "    positions.setdefault(word, []).append(i)\n"
        "return positions",
    ),
    Task(
        "count_extensions", "(filenames: list[str]) -> dict[str, int]",
        "Count files by lowercase extension (without the dot); names without an "
        "extension are skipped.",
        [("count_extensions(['a.py', 'b.PY', 'c.txt'])", "{'py': 2, 'txt': 1}"),
         ("count_extensions(['main.go', 'Makefile'])", "{'go': 1}")],
        [("count_extensions([])", "{}"), ("count_extensions(['Photo.PNG'])", "{'png': 1}"),
         ("count_extensions(['x.JPG', 'y.jpg', 'README'])", "{'jpg': 2}")],
        "counts = {}\n"
        "for name in filenames:\n"
        "    _, dot, ext = name.rpartition('.')\n"
        "    if dot:\n"
        "        counts[ext.lower()] = counts.get(ext.lower(), 0) + 1\n"
        "return counts",
        arrow=True,
    ),
    Task(
        "parse_ini", "(lines: list[str]) -> dict[str, dict[str, str]]",
        "Parse INI-style lines into {section: {key: value}}. A '[name]' line "
        "starts a section and 'key = value' lines belong to the current section "
        "(keys and values are trimmed); blank lines and lines starting with ';' "
        "are ignored.",
        [("parse_ini(['[db]', 'host = localhost', 'port=5432'])",
          "{'db': {'host': 'localhost', 'port': '5432'}}"),
         ("parse_ini(['[app]', 'debug = true'])", "{'app': {'debug': 'true'}}")],
        [("parse_ini([])", "{}"),
         ("parse_ini(['[a]', '; note', '', 'x = 1', '[b]', 'y = 2'])",
          "{'a': {'x': '1'}, 'b': {'y': '2'}}"),
         ("parse_ini(['[empty]'])", "{'empty': {}}"),
         ("parse_ini(['[s]', 'url = http://h?a=b'])", "{'s': {'url': 'http://h?a=b'}}")],
        "result = {}\n"
        "section = {}\n"
        "for line in map(str.strip, lines):\n"
        "    if not line or line.startswith(';'):\n"
        "        continue\n"
        "    if line.startswith('[') and line.endswith(']'):\n"
        "        section = result.setdefault(line[1:-1], {})\n"
        "    else:\n"
        "        key, _, value = line.partition('=')\n"
        "        section[key.strip()] = value.strip()\n"
        "return result",
    ),
    Task(
        "apply_sales", "(stock: dict[str, int], sales: dict[str, int]) -> dict[str, int]",
        "Return the stock levels after subtracting sales, never going below "
        "zero; sold items that are not in stock are ignored.",
        [("apply_sales({'apple': 10, 'pear': 5}, {'apple': 3})", "{'apple': 7, 'pear': 5}"),
         ("apply_sales({'kiwi': 8}, {'kiwi': 2})", "{'kiwi': 6}")],
        [("apply_sales({}, {'x': 1})", "{}"), ("apply_sales({'a': 1}, {})", "{'a': 1}"),
         ("apply_sales({'a': 4, 'b': 4}, {'a': 9, 'b': 1, 'c': 9})", "{'a': 0, 'b': 3}")],
        "return {item: max(0, qty - sales.get(item, 0)) for item, qty in stock.items()}",
        arrow=True,
    ),
    Task(
        "omit_keys", "(data, keys) -> dict",
        "Return a copy of data without the given keys.",
        [("omit_keys({'a': 1, 'b': 2, 'c': 3}, ['b'])", "{'a': 1, 'c': 3}"),
         ("omit_keys({'password': 'x', 'user': 'bo'}, ['password'])", "{'user': 'bo'}")],
        [("omit_keys({}, ['a'])", "{}"), ("omit_keys({'a': 1}, [])", "{'a': 1}"),
         ("omit_keys({'a': 1}, ['z'])", "{'a': 1}")],
        "return {key: value for key, value in data.items() if key not in keys}",
    ),
    Task(
        "first_seen", "(events: list[tuple[str, str]]) -> dict[str, str]",
        "Given (user, timestamp) events in time order, return each user's first "
        "timestamp.",
        [("first_seen([('ann', '09:00'), ('bob', '09:05'), ('ann', '09:10')])",
          "{'ann': '09:00', 'bob': '09:05'}"),
         ("first_seen([('x', '2024-01-01')])", "{'x': '2024-01-01'}")],
        [("first_seen([])", "{}"),
         ("first_seen([('a', 't1'), ('a', 't2'), ('a', 't3')])", "{'a': 't1'}"),
         ("first_seen([('b', '1'), ('a', '2'), ('b', '3'), ('c', '4')])",
          "{'b': '1', 'a': '2', 'c': '4'}")],
        "seen = {}\n"
        "for user, timestamp in events:\n"
        "    seen.setdefault(user, timestamp)\n"
        "return seen",
        arrow=True,
    ),
    Task(
        "mean_by_group", "(records: list[dict], group_key: str, value_key: str) -> dict",
        "Average the value_key field of the records for each distinct group_key "
        "value, rounding each average to 2 decimals.",
        [(("mean_by_group([{'dept': 'it', 'pay': 100}, {'dept': 'it', 'pay': 50}, "
           "{'dept': 'hr', 'pay': 80}], 'dept', 'pay')"), "{'it': 75.0, 'hr': 80.0}"),
         ("mean_by_group([{'team': 'a', 'score': 3}], 'team', 'score')", "{'a': 3.0}")],
        [("mean_by_group([], 'dept', 'pay')", "{}"),
         ("mean_by_group([{'t': 'a', 'v': 1}, {'t': 'a', 'v': 2}, {'t': 'a', 'v': 2}], 't', 'v')",
          "{'a': 1.67}"),
         ("mean_by_group([{'g': 1, 'x': -5}], 'g', 'x')", "{1: -5.0}")],
        "groups = {}\n"
        "for record in records:\n"
        "    groups.setdefault(record[group_key], []).append(record[value_key])\n"
        "return {group: round(sum(vals) / len(vals), 2) for group, vals in groups.items()}",
    ),
    Task(
        "share_of_total", "(counts: dict[str, int]) -> dict[str, float]",
        "Convert counts to percentages of their total, each rounded to one "
        "decimal.",
        [("share_of_total({'yes': 3, 'no': 1})", "{'yes': 75.0, 'no': 25.0}"),
         ("share_of_total({'a': 1, 'b': 2})", "{'a': 33.3, 'b': 66.7}")],
        [("share_of_total({'only': 5})", "{'only': 100.0}"), ("share_of_total({})", "{}"),
         ("share_of_total({'x': 1, 'y': 1, 'z': 1})", "{'x': 33.3, 'y': 33.3, 'z': 33.3}")],
        "total = sum(counts.values())\n"
        "return {key: round(value / total * 100, 1) for key, value in counts.items()}",
        arrow=True,
    ),
    Task(
        "char_types", "(text: str) -> dict[str, int]",
        "Count the characters of text by kind, returning a dict with the keys "
        "'letters', 'digits', 'spaces' (any whitespace) and 'other'.",
        [("char_types('Hi 5!')", "{'letters': 2, 'digits': 1, 'spaces': 1, 'other': 1}"),
         ("char_types('abc')", "{'letters': 3, 'digits': 0, 'spaces': 0, 'other': 0}")],
        [("char_types('')", "{'letters': 0, 'digits': 0, 'spaces': 0, 'other': 0}"),
         ("char_types('a1 b2\\t?')", "{'letters': 2, 'digits': 2, 'spaces': 2, 'other': 1}"),
         ("char_types('...')", "{'letters': 0, 'digits': 0, 'spaces': 0, 'other': 3}")],
        "counts = {'letters': 0, 'digits': 0, 'spaces': 0, 'other': 0}\n"
        "for c in text:\n"
        "    if c.isalpha():\n"
        "        counts['letters'] += 1\n"
        "    elif c.isdigit():\n"
        "        counts['digits'] += 1\n"
        "    elif c.isspace():\n"
        "        counts['spaces'] += 1\n"
        "    else:\n"
        "        counts['other'] += 1\n"
        "return counts",
    ),
    Task(
        "pair_up", "(keys, values)",
        "Build a dict from parallel lists of keys and values. Keys without a "
        "matching value map to None, and extra values are ignored.",
        [("pair_up(['a', 'b'], [1, 2])", "{'a': 1, 'b': 2}"),
         ("pair_up(['name', 'age'], ['Ann', 31])", "{'name': 'Ann', 'age': 31}")],
        [("pair_up([], [])", "{}"), ("pair_up(['a', 'b', 'c'], [1])", "{'a': 1, 'b': None, 'c': None}"),
         ("pair_up(['x'], [1, 2])", "{'x': 1}")],
        "return {key: values[i] if i < len(values) else None for i, key in enumerate(keys)}",
        arrow=True,
    ),
    # ---------------------------------------------------------------- tuple
    Task(
        "parse_rgb", "(text: str) -> tuple[int, int, int]",
        "Parse a CSS color like 'rgb(255, 128, 0)' into an (r, g, b) tuple; the "
        "spaces are optional.",
        [("parse_rgb('rgb(255, 128, 0)')", "(255, 128, 0)"),
         ("parse_rgb('rgb(10,20,30)')", "(10, 20, 30)")],
        [("parse_rgb('rgb( 12 , 34 , 56 )')", "(12, 34, 56)"),
         ("parse_rgb('rgb(0, 0, 0)')", "(0, 0, 0)"),
         ("parse_rgb('rgb(255,255,255)')", "(255, 255, 255)")],
        "inner = text[text.index('(') + 1:text.rindex(')')]\n"
        "r, g, b = (int(part) for part in inner.split(','))\n"
        "return r, g, b",
    ),
    Task(
        "parse_time_span", "(text: str) -> tuple[int, int]",
        "Parse an 'HH:MM-HH:MM' time span into (start, end) as minutes after "
        "midnight.",
        [("parse_time_span('09:00-17:30')", "(540, 1050)"),
         ("parse_time_span('13:15-14:00')", "(795, 840)")],
        [("parse_time_span('00:00-23:59')", "(0, 1439)"),
         ("parse_time_span('12:00-12:00')", "(720, 720)"),
         ("parse_time_span('00:15-01:00')", "(15, 60)")],
        "def minutes(t: str) -> int:\n"
        "    h, m = t.split(':')\n"
        "    return int(h) * 60 + int(m)\n"
        "start, end = text.split('-')\n"
        "return minutes(start), minutes(end)",
        arrow=True,
    ),
    Task(
        "parse_mailbox", "(text: str) -> tuple[str, str]",
        "Split an address like 'Ann Lee <ann@example.com>' into (name, email); a "
        "bare email address gives an empty name.",
        [("parse_mailbox('Ann Lee <ann@example.com>')", "('Ann Lee', 'ann@example.com')"),
         ("parse_mailbox('Bob <bob@mail.org>')", "('Bob', 'bob@mail.org')")],
        [("parse_mailbox('ann@example.com')", "('', 'ann@example.com')"),
         ("parse_mailbox(\"Mary-Jane O'Neil <mj@x.org>\")", "(\"Mary-Jane O'Neil\", 'mj@x.org')"),
         ("parse_mailbox('<noname@x.com>')", "('', 'noname@x.com')")],
        "if '<' not in text:\n"
        "    return '', text.strip()\n"
        "name, _, rest = text.partition('<')\n"
        "return name.strip(), rest.split('>')[0].strip()",
    ),
    Task(
        "split_host_port", "(address: str, default_port: int = 80) -> tuple[str, int]",
        "Split 'host:port' into (host, port) with the port as an int, using "
        "default_port when the address has no port.",
        [("split_host_port('example.com:8080')", "('example.com', 8080)"),
         ("split_host_port('localhost')", "('localhost', 80)")],
        [("split_host_port('db', 5432)", "('db', 5432)"),
         ("split_host_port('127.0.0.1:443')", "('127.0.0.1', 443)"),
         ("split_host_port('api.local:3000', 9)", "('api.local', 3000)")],
        "host, _, port = address.partition(':')\n"
        "return host, int(port) if port else default_port",
        arrow=True,
    ),
    Task(
        "reduce_fraction", "(numerator, denominator) -> tuple",
        "Reduce a fraction to lowest terms, returning (numerator, denominator) "
        "with a positive denominator.",
        [("reduce_fraction(6, 8)", "(3, 4)"), ("reduce_fraction(10, 5)", "(2, 1)")],
        [("reduce_fraction(0, 7)", "(0, 1)"), ("reduce_fraction(3, -9)", "(-1, 3)"),
         ("reduce_fraction(-4, -6)", "(2, 3)"), ("reduce_fraction(5, 7)", "(5, 7)")],
        "import math\n"
        "g = math.gcd(numerator, denominator)\n"
        "n, d = numerator // g, denominator // g\n"
        "return (-n, -d) if d < 0 else (n, d)",
    ),
    Task(
        "cm_to_feet_inches", "(cm: float) -> tuple[int, int]",
        "Convert a height in centimetres to (feet, inches), rounded to the "
        "nearest whole inch.",
        [("cm_to_feet_inches(180)", "(5, 11)"), ("cm_to_feet_inches(152.4)", "(5, 0)")],
        [("cm_to_feet_inches(0)", "(0, 0)"), ("cm_to_feet_inches(182.88)", "(6, 0)"),
         ("cm_to_feet_inches(30)", "(1, 0)")],
        "return divmod(round(cm / 2.54), 12)",
        arrow=True,
    ),
    # ------------------------------------------------------------- Optional
    Task(
        "safe_index", "(items, value) -> int | None",
        "Return the index of the first occurrence of value in items, or None if "
        "it is not there.",
        [("safe_index(['a', 'b', 'c'], 'b')", "1"), ("safe_index([1, 2], 5)", "None")],
        [("safe_index([], 1)", "None"), ("safe_index([3, 3], 3)", "0"),
         ("safe_index([None, 1], None)", "0")],
        "return items.index(value) if value in items else None",
        arrow=True,
    ),
    Task(
        "latest_price", "(history: list[tuple[str, float]]) -> float | None",
        "Return the price with the most recent date from (date, price) pairs "
        "given in any order, with dates as 'YYYY-MM-DD'; None if there are no "
        "pairs.",
        [("latest_price([('2024-01-05', 9.99), ('2024-03-01', 11.49), ('2023-12-31', 8.5)])",
          "11.49"),
         ("latest_price([('2024-02-02', 5.0)])", "5.0")],
        [("latest_price([])", "None"),
         ("latest_price([('2024-05-01', 0.0), ('2024-04-01', 3.0)])", "0.0"),
         ("latest_price([('2023-01-01', 2.5), ('2023-06-01', 1.25)])", "1.25")],
        "return max(history)[1] if history else None",
    ),
    Task(
        "find_year", "(text: str) -> int | None",
        "Return the first four-digit year from 1900 to 2099 that appears as a "
        "separate number in text, or None if there is none.",
        [("find_year('Founded in 1998 by two friends')", "1998"),
         ("find_year('no year here')", "None")],
        [("find_year('Call 555-12345')", "None"), ("find_year('from 1850 to 2021')", "2021"),
         ("find_year('(c) 2024.')", "2024"), ("find_year('')", "None")],
        "import re\n"
        "for match in re.finditer(r'(?<!\\d)\\d{4}(?!\\d)', text):\n"
        "    year = int(match.group())\n"
        "    if 1900 <= year <= 2099:\n"
        "        return year\n"
        "return None",
        arrow=True,
    ),
    Task(
        "next_item", "(items, current)",
        "Return the item that follows current in items, wrapping around to the "
        "first item after the last; return None if current is not in items.",
        [("next_item(['mon', 'tue', 'wed'], 'tue')", "'wed'"),
         ("next_item([1, 2, 3], 1)", "2")],
        [("next_item(['red', 'amber', 'green'], 'green')", "'red'"),
         ("next_item([], 'x')", "None"), ("next_item(['solo'], 'solo')", "'solo'"),
         ("next_item([1, 2, 3], 4)", "None")],
        "if current not in items:\n"
        "    return None\n"
        "return items[(items.index(current) + 1) % len(items)]",
    ),
    Task(
        "first_free_hour", "(booked: list[int], opening: int, closing: int) -> int | None",
        "Return the earliest hour from opening up to, but not including, closing "
        "that is not in booked, or None if every hour is taken.",
        [("first_free_hour([9, 10, 12], 9, 17)", "11"), ("first_free_hour([13], 8, 18)", "8")],
        [("first_free_hour([9, 10], 9, 11)", "None"), ("first_free_hour([14], 14, 15)", "None"),
         ("first_free_hour([16, 9], 9, 17)", "10"), ("first_free_hour([], 9, 9)", "None")],
        "return next((hour for hour in range(opening, closing) if hour not in booked), None)",
        arrow=True,
    ),
    Task(
        "closest_to", "(values: list[float], target: float) -> float | None",
        "Return the value closest to target, or None if values is empty; when "
        "two values are equally close, the smaller one wins.",
        [("closest_to([1, 5, 9], 6)", "5"), ("closest_to([10, 20], 14)", "10")],
        [("closest_to([], 3)", "None"), ("closest_to([4, 8], 6)", "4"),
         ("closest_to([-3, 3], 0)", "-3"), ("closest_to([7], 100)", "7")],
        "if not values:\n"
        "    return None\n"
        "return min(values, key=lambda v: (abs(v - target), v))",
    ),
    Task(
        "ticket_id", "(text: str) -> str | None",
        "Return the first ticket reference such as 'ABC-123' (uppercase letters, "
        "a hyphen, then digits) in text, or None if there is none.",
        [("ticket_id('Fix login bug (PROJ-142)')", "'PROJ-142'"),
         ("ticket_id('update readme')", "None")],
        [("ticket_id('')", "None"), ("ticket_id('proj-12 is lowercase')", "None"),
         ("ticket_id('See OPS-7 and OPS-8')", "'OPS-7'"), ("ticket_id('API- docs')", "None")],
        "import re\n"
        "match = re.search(r'[A-Z]+-\\d+', text)\n"
        "return match.group() if match else None",
        arrow=True,
    ),
    Task(
        "earliest_date", "(dates: list[str]) -> str | None",
        "Return the earliest of some 'YYYY-MM-DD' dates, skipping empty strings, "
        "or None if there are no dates.",
        [("earliest_date(['2024-03-01', '2023-12-25', '2024-01-10'])", "'2023-12-25'"),
         ("earliest_date(['2021-07-04', '2021-07-05'])", "'2021-07-04'")],
        [("earliest_date([])", "None"), ("earliest_date(['', '2020-01-01', ''])", "'2020-01-01'"),
         ("earliest_date(['', ''])", "None"),
         ("earliest_date(['1999-12-31', '2000-01-01'])", "'1999-12-31'")],
        "dates = [date for date in dates if date]\nreturn min(dates) if dates else None",
    ),
]

# Runs inside a fresh python3: completes the stub with its reference body,
# runs every assert, checks each example's expected text is the repr of the
# result and runs doctest on doctest-style stubs.
def result_kind(task: Task) -> str:
    if "->" not in task.sig:  # unannotated: judge by the examples' results
        values = [ast.literal_eval(e) for _, e in task.examples + task.hidden]
        if any(value is None for value in values):
            return "None-able"
        return type(values[0]).__name__
    ret = task.sig.rsplit("->", 1)[1].strip()
    if ret.endswith("| None"):
        return "None-able"
    return ret.split("[", 1)[0]


def check(task: Task) -> list[str]:
    """As the third set's check, with three or four hidden tests."""
    return check_task(task, min_hidden=3)


def write_set(
    tasks: list[Task],
    banned: set[str],
    out: Path,
    prefix: str,
    check_one: Callable[[Task], list[str]],
) -> int:
    """Checks 100 tasks (unique names, none banned, each passing `check_one`) and writes them
    to `out` with ids `<prefix>-<name>`; nothing is written when any fails."""
    names = [task.name for task in tasks]
    failures: dict[str, list[str]] = {}
    if len(tasks) != 100:
        failures["<set>"] = [f"expected 100 tasks, have {len(tasks)}"]
    dupes = sorted(name for name, n in Counter(names).items() if n > 1)
    if dupes:
        failures.setdefault("<set>", []).append(f"duplicate names: {dupes}")
    if banned & set(names):
        failures.setdefault("<set>", []).append(f"banned names: {banned & set(names)}")
    for task in tasks:
        problems = check_one(task)
        if problems:
            failures[task.name] = problems
    if failures:
        for name, problems in failures.items():
            for problem in problems:
                print(f"FAIL {name}: {problem}", file=sys.stderr)
        print(f"{len(failures)} task(s) failed; nothing written", file=sys.stderr)
        return 1
    with out.open("w", encoding="utf-8") as fh:
        for task in tasks:
            row = {
                "id": f"{prefix}-{task.name}",
                "function": task.name,
                "stub": task.stub(),
                "given_tests": task.given_tests(),
                "hidden_tests": task.hidden_tests(),
                "setup": "",
            }
            fh.write(json.dumps(row) + "\n")
    kinds = Counter(result_kind(task) for task in tasks)
    arrows = sum(task.arrow for task in tasks)
    bare = sum(":" not in task.sig.split("->")[0] for task in tasks)
    print(f"wrote {len(tasks)} tasks to {out} ({arrows} arrow-style stubs, "
          f"{len(tasks) - arrows} doctest-style, {bare} with unannotated parameters)")
    print("result kinds: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    return 0


def main() -> int:
    return write_set(TASKS, BANNED, OUT, "blind4", check)


if __name__ == "__main__":
    sys.exit(main())

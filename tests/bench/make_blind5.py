"""Write tests/bench/everyday_blind5.jsonl: 100 held-out everyday tasks (the fifth set).

Each task carries a reference body. Before anything is written, every stub is
completed with its reference body and run in a fresh `python3` subprocess
against its given and hidden asserts, its docstring examples are parsed back
and compared with the given tests, and every example's expected text must be
the repr of the reference result (doctest-style stubs are also run through
doctest). The file is only written when all 100 tasks pass.

Function names avoid every name used by the earlier everyday sets, the fourth
set's tasks included (BANNED). Every task has two given examples and three or
four hidden tests. Signatures without a return annotation are counted by the
type of their examples' results.

Run: python3 tests/bench/make_blind5.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# The task record and its check (stub, docstring examples, reference run), as the third
# set has them.
import make_blind4
from make_blind3 import Task
from make_blind3 import check as check_task
from make_blind4 import write_set

OUT = Path(__file__).with_name("everyday_blind5.jsonl")

# Every name of the earlier sets and of the fourth set's tasks.
BANNED = make_blind4.BANNED | {task.name for task in make_blind4.TASKS}

Case = tuple[str, str]  # (call source, expected value source)


TASKS: list[Task] = [
    # ------------------------------------------------------------------ str
    Task(
        "title_case_headline", "(title: str) -> str",
        "Capitalize a headline: each word gets an uppercase first letter and the "
        "rest lowercase, except the small words 'a', 'an', 'and', 'the', 'of', "
        "'in', 'on', 'to' and 'for', which stay lowercase unless they are the "
        "first word. Words are separated by single spaces in the result.",
        [("title_case_headline('the lord of the rings')", "'The Lord of the Rings'"),
         ("title_case_headline('A TALE OF TWO CITIES')", "'A Tale of Two Cities'")],
        [("title_case_headline('')", "''"),
         ("title_case_headline('war and peace')", "'War and Peace'"),
         ("title_case_headline('of mice and men')", "'Of Mice and Men'"),
         ("title_case_headline('  gone   with the WIND ')", "'Gone With the Wind'")],
        "small = {'a', 'an', 'and', 'the', 'of', 'in', 'on', 'to', 'for'}\n"
        "words = title.lower().split()\n"
        "return ' '.join(\n"
        "    word if i and word in small else word.capitalize()\n"
        "    for i, word in enumerate(words)\n"
        ")",
    ),
    Task(
        "cache_key", "(parts) -> str",
        "Build a cache key by converting each part to str, lowercasing it and "
        "joining the parts with ':'.",
        [("cache_key(['User', 42, 'Profile'])", "'user:42:profile'"),
         ("cache_key(['feed', 'ALL'])", "'feed:all'")],
        [("cache_key([])", "''"), ("cache_key(['x'])", "'x'"),
         ("cache_key(['a', None, True])", "'a:none:true'"),
         ("cache_key(['page', 3.5])", "'page:3.5'")],
        "return ':'.join(str(part).lower() for part in parts)",
        arrow=True,
    ),
    Task(
        "env_var_name", "(setting: str, prefix: str = 'APP') -> str",
        "Return the environment variable that overrides a setting such as "
        "'db.max-connections': prefix, an underscore, then the setting name "
        "uppercased with every '.' and '-' replaced by '_'.",
        [("env_var_name('db.host')", "'APP_DB_HOST'"),
         ("env_var_name('cache.max-size', 'MYSVC')", "'MYSVC_CACHE_MAX_SIZE'")],
        [("env_var_name('debug')", "'APP_DEBUG'"),
         ("env_var_name('log-level', 'X')", "'X_LOG_LEVEL'"),
         ("env_var_name('a.b.c-d')", "'APP_A_B_C_D'")],
        "name = setting.replace('.', '_').replace('-', '_').upper()\n"
        "return f'{prefix}_{name}'",
    ),
    Task(
        "format_percent", "(ratio, decimals=1) -> str",
        "Format a ratio such as 0.256 as a percentage with the given number of "
        "decimals and a '%' sign.",
        [("format_percent(0.256)", "'25.6%'"), ("format_percent(1, 0)", "'100%'")],
        [("format_percent(0)", "'0.0%'"), ("format_percent(0.5, 2)", "'50.00%'"),
         ("format_percent(-0.031)", "'-3.1%'"), ("format_percent(1.5)", "'150.0%'")],
        "return f'{ratio:.{decimals}%}'",
        arrow=True,
    ),
    Task(
        "redact_url_password", "(url: str) -> str",
        "Hide the password in a URL's 'user:password@' credentials behind '***' "
        "so the URL can be logged; URLs without a password are returned "
        "unchanged.",
        [("redact_url_password('postgres://admin:s3cret@db.local:5432/app')",
          "'postgres://admin:***@db.local:5432/app'"),
         ("redact_url_password('https://example.com/login')", "'https://example.com/login'")],
        [("redact_url_password('redis://:token@cache:6379')", "'redis://:***@cache:6379'"),
         ("redact_url_password('ftp://guest@files.org/pub')", "'ftp://guest@files.org/pub'"),
         ("redact_url_password('http://localhost:8000/a')", "'http://localhost:8000/a'"),
         ("redact_url_password('amqp://u:p@mq/vhost?x=1')", "'amqp://u:***@mq/vhost?x=1'")],
        "import re\n"
        "return re.sub(r'(://[^:/@]*):[^@/]*@', r'\\1:***@', url, count=1)",
        arrow=True,
    ),
    Task(
        "markdown_link", "(text, url)",
        "Return a Markdown link with the given text and URL, using the URL itself "
        "as the text when text is empty.",
        [("markdown_link('Docs', 'https://x.io/docs')", "'[Docs](https://x.io/docs)'"),
         ("markdown_link('', 'https://a.b')", "'[https://a.b](https://a.b)'")],
        [("markdown_link('a b', 'u')", "'[a b](u)'"),
         ("markdown_link('Home', '/')", "'[Home](/)'"),
         ("markdown_link('', '/x')", "'[/x](/x)'")],
        "return f'[{text or url}]({url})'",
    ),
    Task(
        "html_attrs", "(attrs: dict) -> str",
        "Render a dict as HTML attributes in the dict's order, separated by "
        "spaces: each is written as key=\"value\", an attribute whose value is "
        "True is written as its bare name, and attributes whose value is False "
        "or None are left out.",
        [("html_attrs({'class': 'btn', 'id': 'save'})", "'class=\"btn\" id=\"save\"'"),
         ("html_attrs({'type': 'checkbox', 'checked': True, 'disabled': False})",
          "'type=\"checkbox\" checked'")],
        [("html_attrs({})", "''"), ("html_attrs({'hidden': None})", "''"),
         ("html_attrs({'width': 100, 'alt': ''})", "'width=\"100\" alt=\"\"'"),
         ("html_attrs({'required': True, 'name': 'q'})", "'required name=\"q\"'")],
        "parts = []\n"
        "for key, value in attrs.items():\n"
        "    if value is True:\n"
        "        parts.append(key)\n"
        "    elif value is not None and value is not False:\n"
        "        parts.append(f'{key}=\"{value}\"')\n"
        "return ' '.join(parts)",
        arrow=True,
    ),
    Task(
        "center_title", "(text, width, fill='=') -> str",
        "Make a banner line: text with one space on each side, centered in a "
        "line of the given width padded with the fill character.",
        [("center_title('Results', 21)", "'====== Results ======'"),
         ("center_title('Menu', 12, '-')", "'--- Menu ---'")],
        [("center_title('Hi', 4)", "' Hi '"), ("center_title('', 6, '*')", "'**  **'"),
         ("center_title('Total', 15, '#')", "'#### Total ####'")],
        "return f' {text} '.center(width, fill)",
    ),
    Task(
        "expand_hex_color", "(color: str) -> str",
        "Normalize a CSS hex color to the lowercase six-digit form '#rrggbb'. A "
        "three-digit color has each digit doubled, and the leading '#' is "
        "optional in the input.",
        [("expand_hex_color('#F0A')", "'#ff00aa'"),
         ("expand_hex_color('1E90FF')", "'#1e90ff'")],
        [("expand_hex_color('#abc')", "'#aabbcc'"),
         ("expand_hex_color('#000000')", "'#000000'"),
         ("expand_hex_color('fff')", "'#ffffff'")],
        "digits = color.lstrip('#').lower()\n"
        "if len(digits) == 3:\n"
        "    digits = ''.join(c * 2 for c in digits)\n"
        "return '#' + digits",
        arrow=True,
    ),
    Task(
        "clean_tag", "(tag)",
        "Normalize a user-entered tag: trim surrounding whitespace, drop any "
        "leading '#' characters and lowercase it.",
        [("clean_tag('  #Python ')", "'python'"), ("clean_tag('DevOps')", "'devops'")],
        [("clean_tag('##AI')", "'ai'"), ("clean_tag('')", "''"), ("clean_tag('#')", "''"),
         ("clean_tag(' Machine-Learning')", "'machine-learning'")],
        "return tag.strip().lstrip('#').lower()",
    ),
    Task(
        "greeting_for_hour", "(hour: int) -> str",
        "Return 'Good morning' for hours 5 to 11, 'Good afternoon' for 12 to 17 "
        "and 'Good evening' for any other hour of the 24-hour clock.",
        [("greeting_for_hour(9)", "'Good morning'"),
         ("greeting_for_hour(20)", "'Good evening'")],
        [("greeting_for_hour(12)", "'Good afternoon'"),
         ("greeting_for_hour(17)", "'Good afternoon'"),
         ("greeting_for_hour(4)", "'Good evening'"),
         ("greeting_for_hour(11)", "'Good morning'")],
        "if 5 <= hour <= 11:\n"
        "    return 'Good morning'\n"
        "if 12 <= hour <= 17:\n"
        "    return 'Good afternoon'\n"
        "return 'Good evening'",
        arrow=True,
    ),
    Task(
        "sql_placeholders", "(count) -> str",
        "Return count '?' placeholders separated by ', ', for a parameterized "
        "SQL IN (...) clause.",
        [("sql_placeholders(3)", "'?, ?, ?'"), ("sql_placeholders(1)", "'?'")],
        [("sql_placeholders(0)", "''"), ("sql_placeholders(2)", "'?, ?'"),
         ("sql_placeholders(5)", "'?, ?, ?, ?, ?'")],
        "return ', '.join(['?'] * count)",
    ),
    Task(
        "compact_number", "(n: int) -> str",
        "Abbreviate a non-negative count for display, as with follower counts: "
        "below 1000 it is shown as is; otherwise it is divided by 1000, "
        "1,000,000 or 1,000,000,000 and followed by 'K', 'M' or 'B', with one "
        "decimal that is dropped when it is 0.",
        [("compact_number(1530)", "'1.5K'"), ("compact_number(2000000)", "'2M'")],
        [("compact_number(999)", "'999'"), ("compact_number(1000)", "'1K'"),
         ("compact_number(45210)", "'45.2K'"), ("compact_number(7300000000)", "'7.3B'")],
        "for size, suffix in ((10 ** 9, 'B'), (10 ** 6, 'M'), (10 ** 3, 'K')):\n"
        "    if n >= size:\n"
        "        return f'{n / size:.1f}'.removesuffix('.0') + suffix\n"
        "return str(n)",
        arrow=True,
    ),
    Task(
        "chess_square", "(row, col) -> str",
        "Return the algebraic name of a chessboard square from 0-based (row, "
        "col), where row 0 is rank 1 and col 0 is file 'a'.",
        [("chess_square(0, 0)", "'a1'"), ("chess_square(3, 4)", "'e4'")],
        [("chess_square(7, 7)", "'h8'"), ("chess_square(0, 7)", "'h1'"),
         ("chess_square(7, 0)", "'a8'")],
        "return 'abcdefgh'[col] + str(row + 1)",
    ),
    Task(
        "dice_notation", "(count: int, sides: int, modifier: int = 0) -> str",
        "Write a dice roll in tabletop notation such as '2d6+3': the number of "
        "dice, 'd', the number of sides, then the modifier with its sign, which "
        "is left out when it is 0.",
        [("dice_notation(2, 6, 3)", "'2d6+3'"), ("dice_notation(1, 20)", "'1d20'")],
        [("dice_notation(3, 8, -2)", "'3d8-2'"), ("dice_notation(4, 6, 0)", "'4d6'"),
         ("dice_notation(1, 100, 10)", "'1d100+10'")],
        "roll = f'{count}d{sides}'\n"
        "return f'{roll}{modifier:+d}' if modifier else roll",
        arrow=True,
    ),
    Task(
        "iso_week", "(date) -> str",
        "Return the ISO week of a 'YYYY-MM-DD' date formatted like '2024-W09', "
        "using the ISO week-numbering year, which can differ from the calendar "
        "year around New Year.",
        [("iso_week('2024-03-01')", "'2024-W09'"), ("iso_week('2024-07-15')", "'2024-W29'")],
        [("iso_week('2024-12-30')", "'2025-W01'"), ("iso_week('2021-01-03')", "'2020-W53'"),
         ("iso_week('2024-01-01')", "'2024-W01'")],
        "import datetime\n"
        "year, week, _ = datetime.date.fromisoformat(date).isocalendar()\n"
        "return f'{year}-W{week:02d}'",
    ),
    Task(
        "unix_to_iso", "(timestamp: int) -> str",
        "Convert a Unix timestamp in seconds to the UTC time it stands for, "
        "written as 'YYYY-MM-DDTHH:MM:SSZ'.",
        [("unix_to_iso(0)", "'1970-01-01T00:00:00Z'"),
         ("unix_to_iso(1700000000)", "'2023-11-14T22:13:20Z'")],
        [("unix_to_iso(86399)", "'1970-01-01T23:59:59Z'"),
         ("unix_to_iso(951782400)", "'2000-02-29T00:00:00Z'"),
         ("unix_to_iso(1234567890)", "'2009-02-13T23:31:30Z'")],
        "import datetime\n"
        "moment = datetime.datetime.fromtimestamp(timestamp, tz=datetime.timezone.utc)\n"
        "return moment.strftime('%Y-%m-%dT%H:%M:%SZ')",
        arrow=True,
    ),
    Task(
        "replace_extension", "(filename: str, extension: str) -> str",
        "Replace a file name's extension (the part after the last dot) with "
        "extension, which is given without a dot; a name without an extension "
        "gets one added.",
        [("replace_extension('report.txt', 'pdf')", "'report.pdf'"),
         ("replace_extension('Makefile', 'bak')", "'Makefile.bak'")],
        [("replace_extension('archive.tar.gz', 'zip')", "'archive.tar.zip'"),
         ("replace_extension('photo.JPG', 'png')", "'photo.png'"),
         ("replace_extension('notes.v2.md', 'html')", "'notes.v2.html'")],
        "stem, dot, _ = filename.rpartition('.')\n"
        "return f'{stem if dot else filename}.{extension}'",
    ),
    Task(
        "common_parent", "(paths: list[str]) -> str",
        "Return the deepest directory containing all of the given absolute "
        "'/'-separated file paths, without a trailing slash ('/' for the root "
        "directory).",
        [("common_parent(['/srv/app/main.py', '/srv/app/lib/util.py'])", "'/srv/app'"),
         ("common_parent(['/home/ann/a.txt', '/home/bob/b.txt'])", "'/home'")],
        [("common_parent(['/etc/hosts', '/var/log/syslog'])", "'/'"),
         ("common_parent(['/srv/app/main.py'])", "'/srv/app'"),
         ("common_parent(['/data/report1/a.csv', '/data/report10/b.csv'])", "'/data'"),
         ("common_parent(['/a/b/c.txt', '/a/bc/d.txt', '/a/b/e.txt'])", "'/a'")],
        "folders = [path.split('/')[1:-1] for path in paths]\n"
        "common = []\n"
        "for names in zip(*folders):\n"
        "    if len(set(names)) != 1:\n"
        "        break\n"
        "    common.append(names[0])\n"
        "return '/' + '/'.join(common)",
    ),
    Task(
        "reverse_domain", "(domain) -> str",
        "Reverse the dot-separated labels of a domain name, as used for Java "
        "package names and app bundle identifiers.",
        [("reverse_domain('example.com')", "'com.example'"),
         ("reverse_domain('api.shop.co.uk')", "'uk.co.shop.api'")],
        [("reverse_domain('localhost')", "'localhost'"), ("reverse_domain('a.b')", "'b.a'"),
         ("reverse_domain('mail.google.com')", "'com.google.mail'")],
        "return '.'.join(reversed(domain.split('.')))",
        arrow=True,
    ),
    Task(
        "trim_decimal", "(number) -> str",
        "Remove insignificant trailing zeros from a decimal number string, and "
        "the decimal point as well if no digits are left after it; numbers "
        "without a decimal point are returned unchanged.",
        [("trim_decimal('3.1400')", "'3.14'"), ("trim_decimal('5.000')", "'5'")],
        [("trim_decimal('100')", "'100'"), ("trim_decimal('0.0')", "'0'"),
         ("trim_decimal('-2.50')", "'-2.5'"), ("trim_decimal('10.05')", "'10.05'")],
        "if '.' not in number:\n"
        "    return number\n"
        "return number.rstrip('0').rstrip('.')",
    ),
    Task(
        "strip_query_string", "(url) -> str",
        "Return the URL without its query string and fragment.",
        [("strip_query_string('https://x.com/search?q=cats#top')", "'https://x.com/search'"),
         ("strip_query_string('https://x.com/about')", "'https://x.com/about'")],
        [("strip_query_string('/path#section')", "'/path'"),
         ("strip_query_string('https://a.io/?')", "'https://a.io/'"),
         ("strip_query_string('https://a.io/p#frag?not-a-query')", "'https://a.io/p'")],
        "return url.split('#', 1)[0].split('?', 1)[0]",
        arrow=True,
    ),
    Task(
        "class_names", "(flags: dict[str, bool]) -> str",
        "Build a CSS class attribute value from a dict that maps class names to "
        "whether they apply, keeping the dict's order and separating the names "
        "with single spaces.",
        [("class_names({'btn': True, 'active': False, 'large': True})", "'btn large'"),
         ("class_names({'hidden': False})", "''")],
        [("class_names({})", "''"), ("class_names({'a': True})", "'a'"),
         ("class_names({'x': True, 'y': True, 'z': False})", "'x y'")],
        "return ' '.join(name for name, applies in flags.items() if applies)",
    ),
    Task(
        "git_remote_to_https", "(remote: str) -> str",
        "Turn a git remote into the repository's web URL: an SSH remote like "
        "'git@github.com:owner/repo.git' becomes 'https://github.com/owner/repo', "
        "and an HTTPS remote just loses its '.git' suffix.",
        [("git_remote_to_https('git@github.com:octo/hello.git')",
          "'https://github.com/octo/hello'"),
         ("git_remote_to_https('https://gitlab.com/group/project.git')",
          "'https://gitlab.com/group/project'")],
        [("git_remote_to_https('git@bitbucket.org:team/api')", "'https://bitbucket.org/team/api'"),
         ("git_remote_to_https('https://github.com/a/b')", "'https://github.com/a/b'"),
         ("git_remote_to_https('git@gitlab.com:group/sub/tool.git')",
          "'https://gitlab.com/group/sub/tool'")],
        "url = remote.removesuffix('.git')\n"
        "if url.startswith('git@'):\n"
        "    host, _, path = url[4:].partition(':')\n"
        "    url = f'https://{host}/{path}'\n"
        "return url",
        arrow=True,
    ),
    Task(
        "image_tag", "(image: str) -> str",
        "Return the tag of a Docker image reference such as 'nginx:1.25', or "
        "'latest' when it has none. A colon that belongs to a registry's port, "
        "as in 'localhost:5000/app', is not a tag.",
        [("image_tag('nginx:1.25-alpine')", "'1.25-alpine'"),
         ("image_tag('python')", "'latest'")],
        [("image_tag('localhost:5000/team/app')", "'latest'"),
         ("image_tag('localhost:5000/app:v2')", "'v2'"),
         ("image_tag('ghcr.io/org/tool:sha-abc123')", "'sha-abc123'")],
        "name = image.rsplit('/', 1)[-1]\n"
        "_, colon, tag = name.partition(':')\n"
        "return tag if colon else 'latest'",
    ),
    Task(
        "match_result", "(goals_for, goals_against) -> str",
        "Return 'win', 'draw' or 'loss' for a team, given the goals it scored "
        "and the goals it conceded.",
        [("match_result(3, 1)", "'win'"), ("match_result(0, 2)", "'loss'")],
        [("match_result(0, 0)", "'draw'"), ("match_result(2, 2)", "'draw'"),
         ("match_result(1, 0)", "'win'")],
        "if goals_for > goals_against:\n"
        "    return 'win'\n"
        "if goals_for < goals_against:\n"
        "    return 'loss'\n"
        "return 'draw'",
        arrow=True,
    ),
    Task(
        "card_name", "(rank: int, suit: str) -> str",
        "Name a playing card like 'Queen of Hearts' from its rank (1 for Ace, 2 "
        "to 10 as numbers, 11 Jack, 12 Queen, 13 King) and its suit.",
        [("card_name(12, 'Hearts')", "'Queen of Hearts'"),
         ("card_name(7, 'Clubs')", "'7 of Clubs'")],
        [("card_name(1, 'Spades')", "'Ace of Spades'"),
         ("card_name(10, 'Diamonds')", "'10 of Diamonds'"),
         ("card_name(13, 'Clubs')", "'King of Clubs'"),
         ("card_name(11, 'Hearts')", "'Jack of Hearts'")],
        "faces = {1: 'Ace', 11: 'Jack', 12: 'Queen', 13: 'King'}\n"
        "return f'{faces.get(rank, rank)} of {suit}'",
    ),
    Task(
        "basic_auth_header", "(username: str, password: str) -> str",
        "Return the value of an HTTP Basic Authorization header: 'Basic ' "
        "followed by the base64 encoding of 'username:password' in UTF-8.",
        [("basic_auth_header('aladdin', 'opensesame')", "'Basic YWxhZGRpbjpvcGVuc2VzYW1l'"),
         ("basic_auth_header('user', 'pass')", "'Basic dXNlcjpwYXNz'")],
        [("basic_auth_header('', '')", "'Basic Og=='"),
         ("basic_auth_header('a', 'b:c')", "'Basic YTpiOmM='"),
         ("basic_auth_header('josé', 'pw')", "'Basic am9zw6k6cHc='")],
        "import base64\n"
        "token = base64.b64encode(f'{username}:{password}'.encode()).decode()\n"
        "return f'Basic {token}'",
        arrow=True,
    ),
    Task(
        "next_business_day", "(date) -> str",
        "Return the first weekday (Monday to Friday) strictly after a "
        "'YYYY-MM-DD' date, in the same format.",
        [("next_business_day('2024-03-06')", "'2024-03-07'"),
         ("next_business_day('2024-03-08')", "'2024-03-11'")],
        [("next_business_day('2024-03-09')", "'2024-03-11'"),
         ("next_business_day('2024-03-10')", "'2024-03-11'"),
         ("next_business_day('2023-12-29')", "'2024-01-01'"),
         ("next_business_day('2024-02-28')", "'2024-02-29'")],
        "import datetime\n"
        "day = datetime.date.fromisoformat(date) + datetime.timedelta(days=1)\n"
        "while day.weekday() >= 5:\n"
        "    day += datetime.timedelta(days=1)\n"
        "return day.isoformat()",
    ),
    Task(
        "add_months", "(date: str, months: int) -> str",
        "Add a number of months, possibly negative, to a 'YYYY-MM-DD' date. When "
        "the day does not exist in the resulting month, use that month's last "
        "day.",
        [("add_months('2024-01-15', 1)", "'2024-02-15'"),
         ("add_months('2024-01-31', 1)", "'2024-02-29'")],
        [("add_months('2023-11-30', 3)", "'2024-02-29'"),
         ("add_months('2024-03-31', -1)", "'2024-02-29'"),
         ("add_months('2024-05-10', -5)", "'2023-12-10'"),
         ("add_months('2023-01-31', 1)", "'2023-02-28'")],
        "import calendar\n"
        "year, month, day = map(int, date.split('-'))\n"
        "year, month = divmod(year * 12 + month - 1 + months, 12)\n"
        "month += 1\n"
        "day = min(day, calendar.monthrange(year, month)[1])\n"
        "return f'{year:04d}-{month:02d}-{day:02d}'",
        arrow=True,
    ),
    Task(
        "utc_offset_label", "(minutes) -> str",
        "Format a time-zone offset, given in minutes east of UTC, as 'UTC+HH:MM' "
        "or 'UTC-HH:MM'; an offset of 0 is written 'UTC+00:00'.",
        [("utc_offset_label(330)", "'UTC+05:30'"), ("utc_offset_label(-300)", "'UTC-05:00'")],
        [("utc_offset_label(0)", "'UTC+00:00'"), ("utc_offset_label(-570)", "'UTC-09:30'"),
         ("utc_offset_label(60)", "'UTC+01:00'"), ("utc_offset_label(840)", "'UTC+14:00'")],
        "sign = '-' if minutes < 0 else '+'\n"
        "hours, mins = divmod(abs(minutes), 60)\n"
        "return f'UTC{sign}{hours:02d}:{mins:02d}'",
    ),
    Task(
        "run_length_encode", "(text: str) -> str",
        "Compress text by writing each run of one repeated character as the "
        "length of the run followed by the character, so 'aaab' becomes '3a1b'. "
        "Characters are compared case-sensitively.",
        [("run_length_encode('aaabcc')", "'3a1b2c'"), ("run_length_encode('WWWWB')", "'4W1B'")],
        [("run_length_encode('')", "''"), ("run_length_encode('x')", "'1x'"),
         ("run_length_encode('aAaa')", "'1a1A2a'"),
         ("run_length_encode('zzzzzzzzzzzz')", "'12z'")],
        "from itertools import groupby\n"
        "return ''.join(f'{len(list(run))}{char}' for char, run in groupby(text))",
        arrow=True,
    ),
    Task(
        "anonymize_ip", "(address) -> str",
        "Anonymize an IPv4 address for analytics by setting its last octet to 0.",
        [("anonymize_ip('192.168.1.42')", "'192.168.1.0'"),
         ("anonymize_ip('8.8.8.8')", "'8.8.8.0'")],
        [("anonymize_ip('10.0.0.0')", "'10.0.0.0'"),
         ("anonymize_ip('255.255.255.255')", "'255.255.255.0'"),
         ("anonymize_ip('172.16.254.1')", "'172.16.254.0'")],
        "return address.rsplit('.', 1)[0] + '.0'",
    ),
    Task(
        "sql_literal", "(value) -> str",
        "Quote a string as an SQL string literal: wrap it in single quotes and "
        "double every single quote inside it.",
        [("sql_literal('hello')", "\"'hello'\""), ("sql_literal(\"O'Brien\")", "\"'O''Brien'\"")],
        [("sql_literal('')", "\"''\""), ("sql_literal(\"it's Bob's\")", "\"'it''s Bob''s'\""),
         ("sql_literal(\"''\")", "\"''''''\""), ("sql_literal('a b')", "\"'a b'\"")],
        "return \"'\" + value.replace(\"'\", \"''\") + \"'\"",
        arrow=True,
    ),
    Task(
        "chmod_octal", "(permissions) -> str",
        "Convert a symbolic permission string such as 'rwxr-xr--' (owner, group "
        "and others, three characters each) to its octal form such as '754'.",
        [("chmod_octal('rwxr-xr--')", "'754'"), ("chmod_octal('rw-r--r--')", "'644'")],
        [("chmod_octal('---------')", "'000'"), ("chmod_octal('rwxrwxrwx')", "'777'"),
         ("chmod_octal('r--------')", "'400'"), ("chmod_octal('-w--wx--x')", "'231'")],
        "digits = ''\n"
        "for i in range(0, 9, 3):\n"
        "    triple = permissions[i:i + 3]\n"
        "    digits += str(sum(bit for flag, bit in zip(triple, (4, 2, 1)) if flag != '-'))\n"
        "return digits",
    ),
    # ----------------------------------------------------------------- bool
    Task(
        "is_overdue", "(due_date: str, today: str, grace_days: int = 0) -> bool",
        "Return True if an invoice due on due_date is overdue on today, meaning "
        "more than grace_days days have passed since the due date. Both dates "
        "are 'YYYY-MM-DD'.",
        [("is_overdue('2024-03-01', '2024-03-02')", "True"),
         ("is_overdue('2024-03-01', '2024-03-05', 7)", "False")],
        [("is_overdue('2024-03-01', '2024-03-01')", "False"),
         ("is_overdue('2024-02-25', '2024-03-04', 7)", "True"),
         ("is_overdue('2024-02-25', '2024-03-03', 7)", "False"),
         ("is_overdue('2024-05-10', '2024-04-01')", "False")],
        "import datetime\n"
        "due = datetime.date.fromisoformat(due_date)\n"
        "return (datetime.date.fromisoformat(today) - due).days > grace_days",
        arrow=True,
    ),
    Task(
        "is_isogram", "(word) -> bool",
        "Return True if no letter occurs more than once in word, ignoring case; "
        "spaces and hyphens may repeat.",
        [("is_isogram('lumberjack')", "True"), ("is_isogram('Alphabet')", "False")],
        [("is_isogram('')", "True"), ("is_isogram('six-year-old')", "True"),
         ("is_isogram('Emily Jung Schwartzkopf')", "True"), ("is_isogram('isograms')", "False")],
        "letters = [c.lower() for c in word if c.isalpha()]\n"
        "return len(letters) == len(set(letters))",
    ),
    Task(
        "is_safe_redirect", "(target: str, host: str) -> bool",
        "Decide whether a redirect target taken from a login form is safe to "
        "follow: either a path on this site (starting with a single '/', not "
        "'//'), or an http or https URL whose host is exactly host.",
        [("is_safe_redirect('/dashboard', 'shop.com')", "True"),
         ("is_safe_redirect('https://evil.com/phish', 'shop.com')", "False")],
        [("is_safe_redirect('//evil.com', 'shop.com')", "False"),
         ("is_safe_redirect('https://shop.com/cart', 'shop.com')", "True"),
         ("is_safe_redirect('javascript:alert(1)', 'shop.com')", "False"),
         ("is_safe_redirect('http://shop.com.evil.io/', 'shop.com')", "False")],
        "from urllib.parse import urlsplit\n"
        "if target.startswith('/'):\n"
        "    return not target.startswith('//')\n"
        "parts = urlsplit(target)\n"
        "return parts.scheme in ('http', 'https') and parts.netloc == host",
        arrow=True,
    ),
    Task(
        "is_json_content_type", "(header) -> bool",
        "Return True if a Content-Type header value denotes JSON: its media type "
        "(the part before any ';' parameters), compared case-insensitively, is "
        "'application/json' or ends with '+json'.",
        [("is_json_content_type('application/json; charset=utf-8')", "True"),
         ("is_json_content_type('text/html')", "False")],
        [("is_json_content_type('Application/JSON')", "True"),
         ("is_json_content_type('application/vnd.api+json')", "True"),
         ("is_json_content_type('')", "False"),
         ("is_json_content_type('application/jsonp')", "False")],
        "media_type = header.split(';', 1)[0].strip().lower()\n"
        "return media_type == 'application/json' or media_type.endswith('+json')",
    ),
    Task(
        "should_retry", "(status: int, attempt: int, max_attempts: int = 3) -> bool",
        "Decide whether to retry a failed HTTP request: only for status 429 or a "
        "5xx server error, and only while attempt (counted from 1) is below "
        "max_attempts.",
        [("should_retry(503, 1)", "True"), ("should_retry(404, 1)", "False")],
        [("should_retry(500, 3)", "False"), ("should_retry(429, 2)", "True"),
         ("should_retry(502, 4, 5)", "True"), ("should_retry(200, 1)", "False")],
        "return (status == 429 or 500 <= status <= 599) and attempt < max_attempts",
        arrow=True,
    ),
    Task(
        "is_within_radius", "(x, y, cx, cy, radius) -> bool",
        "Return True if the point (x, y) lies inside or on the circle with "
        "centre (cx, cy) and the given radius.",
        [("is_within_radius(3, 4, 0, 0, 5)", "True"),
         ("is_within_radius(4, 4, 0, 0, 5)", "False")],
        [("is_within_radius(0, 0, 0, 0, 0)", "True"),
         ("is_within_radius(-3, -4, 0, 0, 5)", "True"),
         ("is_within_radius(10, 10, 7, 6, 5)", "True"),
         ("is_within_radius(1, 1, 5, 5, 5.6)", "False")],
        "return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2",
    ),
    Task(
        "is_valid_iban", "(iban: str) -> bool",
        "Check an IBAN. Ignoring spaces and case, it must be 15 to 34 ASCII "
        "letters and digits that start with two letters and two digits, and it "
        "must pass the mod-97 check: move the first four characters to the end, "
        "replace each letter with its number (A=10, ..., Z=35), and the "
        "resulting integer modulo 97 must be 1.",
        [("is_valid_iban('GB82 WEST 1234 5698 7654 32')", "True"),
         ("is_valid_iban('GB82 WEST 1234 5698 7654 33')", "False")],
        [("is_valid_iban('de89370400440532013000')", "True"),
         ("is_valid_iban('FR14 2004 1010 0505 0001 3M02 606')", "True"),
         ("is_valid_iban('')", "False"),
         ("is_valid_iban('GB82-WEST-1234-5698-7654-32')", "False")],
        "code = iban.replace(' ', '').upper()\n"
        "if not (15 <= len(code) <= 34 and code.isascii() and code.isalnum()):\n"
        "    return False\n"
        "if not (code[:2].isalpha() and code[2:4].isdigit()):\n"
        "    return False\n"
        "rearranged = code[4:] + code[:4]\n"
        "return int(''.join(str(int(c, 36)) for c in rearranged)) % 97 == 1",
        arrow=True,
    ),
    Task(
        "rects_collide", "(a, b) -> bool",
        "Return True if two axis-aligned rectangles, each given as (x, y, width, "
        "height), overlap. Rectangles that only touch along an edge do not "
        "collide.",
        [("rects_collide((0, 0, 10, 10), (5, 5, 10, 10))", "True"),
         ("rects_collide((0, 0, 10, 10), (20, 0, 5, 5))", "False")],
        [("rects_collide((0, 0, 10, 10), (10, 0, 5, 5))", "False"),
         ("rects_collide((0, 0, 10, 10), (2, 2, 3, 3))", "True"),
         ("rects_collide((5, 5, 2, 2), (0, 0, 10, 3))", "False"),
         ("rects_collide((-5, -5, 6, 6), (0, 0, 1, 1))", "True")],
        "ax, ay, aw, ah = a\n"
        "bx, by, bw, bh = b\n"
        "return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah",
    ),
    Task(
        "is_snake_case", "(name: str) -> bool",
        "Check that name is a snake_case identifier: lowercase ASCII letters and "
        "digits, with single underscores between words, starting with a letter "
        "and not ending with an underscore.",
        [("is_snake_case('user_id')", "True"), ("is_snake_case('userId')", "False")],
        [("is_snake_case('http2_client')", "True"), ("is_snake_case('_private')", "False"),
         ("is_snake_case('double__under')", "False"), ("is_snake_case('')", "False")],
        "import re\n"
        "return re.fullmatch(r'[a-z][a-z0-9]*(_[a-z0-9]+)*', name) is not None",
        arrow=True,
    ),
    Task(
        "is_subsequence", "(needle, haystack) -> bool",
        "Return True if the characters of needle appear in haystack in the same "
        "order, though not necessarily next to each other, as in a fuzzy file "
        "finder.",
        [("is_subsequence('mdl', 'models.py')", "True"), ("is_subsequence('abc', 'acb')", "False")],
        [("is_subsequence('', 'anything')", "True"), ("is_subsequence('aa', 'a')", "False"),
         ("is_subsequence('srvmn', 'server/main.rs')", "True"),
         ("is_subsequence('x', '')", "False")],
        "chars = iter(haystack)\n"
        "return all(c in chars for c in needle)",
    ),
    Task(
        "is_rate_limited", "(timestamps, now, limit, window=60) -> bool",
        "Return True if a client has already made limit or more requests in the "
        "window seconds before now. timestamps are request times in seconds; a "
        "request made at now counts, and one made exactly window seconds before "
        "now no longer does.",
        [("is_rate_limited([101, 130, 150], 160, 3)", "True"),
         ("is_rate_limited([10, 20, 150], 160, 3)", "False")],
        [("is_rate_limited([], 0, 1)", "False"), ("is_rate_limited([100], 160, 1)", "False"),
         ("is_rate_limited([101], 160, 1)", "True"),
         ("is_rate_limited([50, 55, 60], 60, 2, 10)", "True")],
        "recent = sum(1 for t in timestamps if now - window < t <= now)\n"
        "return recent >= limit",
        arrow=True,
    ),
    Task(
        "is_flush", "(cards) -> bool",
        "Return True if all the cards in a hand share one suit. Each card is its "
        "rank followed by a one-letter suit, like 'AH' or '10S'.",
        [("is_flush(['2H', '7H', 'KH', '10H', 'AH'])", "True"),
         ("is_flush(['2H', '7D', 'KH', '9H', 'AH'])", "False")],
        [("is_flush(['QS'])", "True"), ("is_flush(['10C', '10D'])", "False"),
         ("is_flush(['3C', 'JC', '10C', '4C', '8C'])", "True")],
        "return len({card[-1] for card in cards}) == 1",
    ),
    Task(
        "is_comment_line", "(line) -> bool",
        "Return True if a line of a config file is a comment: after any leading "
        "whitespace it starts with '#' or ';'.",
        [("is_comment_line('# database settings')", "True"),
         ("is_comment_line('port = 5432')", "False")],
        [("is_comment_line('   ; legacy')", "True"), ("is_comment_line('')", "False"),
         ("is_comment_line('url = http://x/#frag')", "False"), ("is_comment_line('#')", "True")],
        "return line.lstrip().startswith(('#', ';'))",
        arrow=True,
    ),
    Task(
        "is_ignored_path", "(path: str, ignored: set[str]) -> bool",
        "Return True if any directory or file name along a '/'-separated path is "
        "in ignored, for example to skip 'node_modules' or '.git' while walking "
        "a project.",
        [("is_ignored_path('src/node_modules/lodash/index.js', {'node_modules'})", "True"),
         ("is_ignored_path('src/app/main.py', {'node_modules', '.git'})", "False")],
        [("is_ignored_path('.git/config', {'.git'})", "True"),
         ("is_ignored_path('src/my.git.txt', {'.git'})", "False"),
         ("is_ignored_path('build', {'build'})", "True"),
         ("is_ignored_path('/home/me/venv/lib/x.py', {'venv'})", "True")],
        "return any(part in ignored for part in path.split('/'))",
    ),
    Task(
        "is_business_email", "(email: str, free_domains: set[str]) -> bool",
        "Return True if an email address's domain, compared case-insensitively, "
        "is not one of the free webmail domains, which are given in lowercase.",
        [("is_business_email('ceo@acme.com', {'gmail.com', 'yahoo.com'})", "True"),
         ("is_business_email('jo@gmail.com', {'gmail.com', 'yahoo.com'})", "False")],
        [("is_business_email('Jo@GMail.COM', {'gmail.com'})", "False"),
         ("is_business_email('sales@mail.acme.io', {'acme.io'})", "True"),
         ("is_business_email('x@yahoo.com', set())", "True")],
        "return email.rpartition('@')[2].lower() not in free_domains",
        arrow=True,
    ),
    # ------------------------------------------------------------------ int
    Task(
        "fiscal_year", "(date: str, start_month: int = 7) -> int",
        "Return the fiscal year of a 'YYYY-MM-DD' date, where the fiscal year "
        "starts on the first day of start_month and is named after the calendar "
        "year in which it ends.",
        [("fiscal_year('2024-08-15')", "2025"), ("fiscal_year('2024-03-01')", "2024")],
        [("fiscal_year('2024-07-01')", "2025"), ("fiscal_year('2024-06-30')", "2024"),
         ("fiscal_year('2024-12-31', 1)", "2024"), ("fiscal_year('2023-10-01', 10)", "2024")],
        "year, month = int(date[:4]), int(date[5:7])\n"
        "return year + 1 if start_month > 1 and month >= start_month else year",
    ),
    Task(
        "blackjack_total", "(cards) -> int",
        "Return the best blackjack total of a hand of ranks ('2' to '10', 'J', "
        "'Q', 'K', 'A'). Face cards count 10, and each ace counts 11 unless that "
        "would take the total over 21, in which case it counts 1.",
        [("blackjack_total(['K', 'A'])", "21"), ("blackjack_total(['9', '7', 'A'])", "17")],
        [("blackjack_total(['A', 'A'])", "12"), ("blackjack_total(['A', 'A', 'A', 'K'])", "13"),
         ("blackjack_total(['10', 'Q', '5'])", "25"), ("blackjack_total([])", "0")],
        "total = 0\n"
        "aces = 0\n"
        "for card in cards:\n"
        "    if card == 'A':\n"
        "        aces += 1\n"
        "        total += 11\n"
        "    elif card in ('J', 'Q', 'K'):\n"
        "        total += 10\n"
        "    else:\n"
        "        total += int(card)\n"
        "while total > 21 and aces:\n"
        "    total -= 10\n"
        "    aces -= 1\n"
        "return total",
        arrow=True,
    ),
    Task(
        "days_until_birthday", "(today: str, birthday: str) -> int",
        "Return the number of days from today, a 'YYYY-MM-DD' date, until the "
        "next birthday, given as 'MM-DD'; 0 if the birthday is today.",
        [("days_until_birthday('2024-03-01', '03-15')", "14"),
         ("days_until_birthday('2024-12-25', '01-01')", "7")],
        [("days_until_birthday('2024-06-10', '06-10')", "0"),
         ("days_until_birthday('2024-06-11', '06-10')", "364"),
         ("days_until_birthday('2023-02-01', '03-01')", "28"),
         ("days_until_birthday('2024-02-01', '03-01')", "29")],
        "import datetime\n"
        "day = datetime.date.fromisoformat(today)\n"
        "month, dom = map(int, birthday.split('-'))\n"
        "upcoming = day.replace(month=month, day=dom)\n"
        "if upcoming < day:\n"
        "    upcoming = upcoming.replace(year=day.year + 1)\n"
        "return (upcoming - day).days",
    ),
    Task(
        "page_offset", "(page, per_page) -> int",
        "Return how many rows to skip (for an SQL OFFSET) to show a 1-based page "
        "number; pages below 1 are treated as page 1.",
        [("page_offset(1, 20)", "0"), ("page_offset(3, 25)", "50")],
        [("page_offset(0, 10)", "0"), ("page_offset(-2, 10)", "0"),
         ("page_offset(2, 1)", "1"), ("page_offset(10, 50)", "450")],
        "return (max(page, 1) - 1) * per_page",
        arrow=True,
    ),
    Task(
        "max_nesting_depth", "(text: str) -> int",
        "Return the deepest nesting level of round brackets in text, which are "
        "assumed to be balanced; text without brackets has depth 0.",
        [("max_nesting_depth('f(g(x), y)')", "2"), ("max_nesting_depth('(a)(b)')", "1")],
        [("max_nesting_depth('')", "0"), ("max_nesting_depth('no brackets')", "0"),
         ("max_nesting_depth('((()))')", "3"), ("max_nesting_depth('(()(()))')", "3")],
        "depth = deepest = 0\n"
        "for c in text:\n"
        "    if c == '(':\n"
        "        depth += 1\n"
        "        deepest = max(deepest, depth)\n"
        "    elif c == ')':\n"
        "        depth -= 1\n"
        "return deepest",
    ),
    Task(
        "retry_after_seconds", "(header, default=60) -> int",
        "Return the number of seconds in a Retry-After header value such as "
        "'120', allowing surrounding whitespace; default is returned when the "
        "value is empty or not a whole number of seconds (it may be an HTTP "
        "date).",
        [("retry_after_seconds('120')", "120"),
         ("retry_after_seconds('Wed, 21 Oct 2015 07:28:00 GMT')", "60")],
        [("retry_after_seconds('')", "60"), ("retry_after_seconds(' 5 ')", "5"),
         ("retry_after_seconds('abc', 30)", "30"), ("retry_after_seconds('0')", "0")],
        "value = header.strip()\n"
        "return int(value) if value.isdigit() else default",
        arrow=True,
    ),
    Task(
        "insert_position", "(sorted_values, value) -> int",
        "Return the index at which value should be inserted into an ascending "
        "list to keep it sorted, placing it before any equal values.",
        [("insert_position([1, 3, 5, 7], 4)", "2"), ("insert_position([10, 20], 5)", "0")],
        [("insert_position([], 9)", "0"), ("insert_position([1, 2, 2, 2, 3], 2)", "1"),
         ("insert_position([1, 2, 3], 99)", "3"), ("insert_position([-5, -1], -3)", "1")],
        "import bisect\n"
        "return bisect.bisect_left(sorted_values, value)",
    ),
    Task(
        "unique_visitors", "(log_lines: list[str]) -> int",
        "Count the distinct client IP addresses in access-log lines, where the "
        "IP is the first whitespace-separated field of a line; blank lines are "
        "ignored.",
        [("unique_visitors(['1.2.3.4 GET /', '5.6.7.8 GET /a', '1.2.3.4 GET /b'])", "2"),
         ("unique_visitors(['9.9.9.9 POST /login'])", "1")],
        [("unique_visitors([])", "0"), ("unique_visitors(['', '  ', '1.1.1.1 GET /'])", "1"),
         ("unique_visitors(['10.0.0.1 GET /', '10.0.0.10 GET /'])", "2")],
        "return len({line.split()[0] for line in log_lines if line.strip()})",
        arrow=True,
    ),
    Task(
        "reward_points", "(amount) -> int",
        "Return the loyalty points for a purchase: one point per whole dollar "
        "spent, plus a 50-point bonus when the purchase is 100 dollars or more.",
        [("reward_points(42.99)", "42"), ("reward_points(150)", "200")],
        [("reward_points(0)", "0"), ("reward_points(100)", "150"),
         ("reward_points(99.99)", "99"), ("reward_points(0.5)", "0")],
        "points = int(amount)\n"
        "return points + 50 if amount >= 100 else points",
    ),
    Task(
        "manhattan_distance", "(a, b) -> int",
        "Return the number of steps up, down, left or right needed to get from "
        "one (x, y) grid cell to another.",
        [("manhattan_distance((0, 0), (3, 4))", "7"), ("manhattan_distance((2, 5), (2, 1))", "4")],
        [("manhattan_distance((1, 1), (1, 1))", "0"),
         ("manhattan_distance((-2, 3), (4, -1))", "10"),
         ("manhattan_distance((5, 0), (0, 0))", "5")],
        "return abs(a[0] - b[0]) + abs(a[1] - b[1])",
        arrow=True,
    ),
    Task(
        "minutes_late", "(scheduled, actual) -> int",
        "Return how many minutes after its scheduled 'HH:MM' time a train "
        "actually left (also 'HH:MM', on the same day), or 0 if it left on time "
        "or early.",
        [("minutes_late('14:05', '14:17')", "12"), ("minutes_late('09:30', '09:28')", "0")],
        [("minutes_late('08:00', '08:00')", "0"), ("minutes_late('23:10', '23:59')", "49"),
         ("minutes_late('10:50', '12:05')", "75")],
        "sched_h, sched_m = map(int, scheduled.split(':'))\n"
        "act_h, act_m = map(int, actual.split(':'))\n"
        "return max(0, (act_h * 60 + act_m) - (sched_h * 60 + sched_m))",
    ),
    Task(
        "knight_moves", "(square: str) -> int",
        "Return how many moves a knight has from a square of an empty "
        "chessboard, with the square given in algebraic notation like 'e4'.",
        [("knight_moves('a1')", "2"), ("knight_moves('d4')", "8")],
        [("knight_moves('h8')", "2"), ("knight_moves('b1')", "3"),
         ("knight_moves('a4')", "4"), ("knight_moves('g7')", "4")],
        "file = ord(square[0]) - ord('a')\n"
        "rank = int(square[1]) - 1\n"
        "jumps = [(1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2)]\n"
        "return sum(0 <= file + dx < 8 and 0 <= rank + dy < 8 for dx, dy in jumps)",
        arrow=True,
    ),
    Task(
        "thanksgiving_day", "(year) -> int",
        "Return the day of November on which US Thanksgiving falls in a year, "
        "which is the fourth Thursday of the month.",
        [("thanksgiving_day(2024)", "28"), ("thanksgiving_day(2023)", "23")],
        [("thanksgiving_day(2025)", "27"), ("thanksgiving_day(2022)", "24"),
         ("thanksgiving_day(2018)", "22"), ("thanksgiving_day(2019)", "28")],
        "import datetime\n"
        "first_weekday = datetime.date(year, 11, 1).weekday()\n"
        "first_thursday = 1 + (3 - first_weekday) % 7\n"
        "return first_thursday + 21",
    ),
    Task(
        "seats_remaining", "(capacity, bookings)",
        "Return how many seats are still free, given the capacity and a list of "
        "booking sizes; an overbooked event has 0 seats left.",
        [("seats_remaining(100, [2, 4, 10])", "84"), ("seats_remaining(5, [3, 3])", "0")],
        [("seats_remaining(50, [])", "50"), ("seats_remaining(10, [10])", "0"),
         ("seats_remaining(0, [])", "0"), ("seats_remaining(8, [1, 1, 1])", "5")],
        "return max(capacity - sum(bookings), 0)",
        arrow=True,
    ),
    Task(
        "hamming_distance", "(a, b) -> int",
        "Return the number of positions at which two strings of equal length "
        "have different characters.",
        [("hamming_distance('10110', '10011')", "2"),
         ("hamming_distance('GATTACA', 'GACTATA')", "2")],
        [("hamming_distance('', '')", "0"), ("hamming_distance('abc', 'abc')", "0"),
         ("hamming_distance('Abc', 'abc')", "1"), ("hamming_distance('1111', '0000')", "4")],
        "return sum(x != y for x, y in zip(a, b))",
    ),
    # ---------------------------------------------------------------- float
    Task(
        "vat_from_gross", "(gross, rate) -> float",
        "Return the VAT contained in a gross (tax-inclusive) price, where rate "
        "is the VAT rate in percent, rounded to cents.",
        [("vat_from_gross(120, 20)", "20.0"), ("vat_from_gross(10.7, 7)", "0.7")],
        [("vat_from_gross(0, 20)", "0.0"), ("vat_from_gross(99.99, 19)", "15.96"),
         ("vat_from_gross(50, 0)", "0.0"), ("vat_from_gross(1190, 19)", "190.0")],
        "return round(gross * rate / (100 + rate), 2)",
        arrow=True,
    ),
    Task(
        "average_rating", "(counts: dict[int, int]) -> float",
        "Return the average star rating from a histogram mapping stars (1 to 5) "
        "to the number of reviews that gave them, rounded to one decimal; 0.0 "
        "when there are no reviews.",
        [("average_rating({5: 2, 4: 1})", "4.7"), ("average_rating({1: 1, 3: 1})", "2.0")],
        [("average_rating({})", "0.0"), ("average_rating({5: 0, 1: 0})", "0.0"),
         ("average_rating({1: 10, 5: 1})", "1.4"), ("average_rating({3: 7})", "3.0")],
        "reviews = sum(counts.values())\n"
        "if not reviews:\n"
        "    return 0.0\n"
        "return round(sum(stars * n for stars, n in counts.items()) / reviews, 1)",
    ),
    Task(
        "haversine_km", "(lat1, lon1, lat2, lon2) -> float",
        "Return the great-circle distance in kilometres between two points given "
        "in decimal degrees, using the haversine formula and an Earth radius of "
        "6371 km, rounded to one decimal.",
        [("haversine_km(51.5074, -0.1278, 48.8566, 2.3522)", "343.6"),
         ("haversine_km(0, 0, 0, 1)", "111.2")],
        [("haversine_km(10, 20, 10, 20)", "0.0"), ("haversine_km(0, 0, 0, 180)", "20015.1"),
         ("haversine_km(-33.8688, 151.2093, -37.8136, 144.9631)", "713.4"),
         ("haversine_km(40.7128, -74.006, 34.0522, -118.2437)", "3935.7")],
        "import math\n"
        "phi1, phi2 = math.radians(lat1), math.radians(lat2)\n"
        "d_phi = phi2 - phi1\n"
        "d_lambda = math.radians(lon2 - lon1)\n"
        "a = (math.sin(d_phi / 2) ** 2\n"
        "     + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2)\n"
        "return round(2 * 6371 * math.asin(math.sqrt(a)), 1)",
        arrow=True,
    ),
    Task(
        "convert_currency", "(amount: float, rate: float, fee_percent: float = 0) -> float",
        "Convert amount to another currency at the given exchange rate, after "
        "deducting a fee of fee_percent percent from the amount, rounded to 2 "
        "decimals.",
        [("convert_currency(100, 0.92)", "92.0"), ("convert_currency(200, 1.1, 2.5)", "214.5")],
        [("convert_currency(0, 1.5)", "0.0"), ("convert_currency(50, 150, 1)", "7425.0"),
         ("convert_currency(19.99, 0.85)", "16.99"), ("convert_currency(1000, 1, 100)", "0.0")],
        "return round(amount * (1 - fee_percent / 100) * rate, 2)",
    ),
    Task(
        "cagr_percent", "(start_value: float, end_value: float, years: float) -> float",
        "Return the compound annual growth rate of an investment that grew from "
        "start_value to end_value over a number of years, in percent rounded to "
        "2 decimals.",
        [("cagr_percent(1000, 2000, 5)", "14.87"), ("cagr_percent(100, 121, 2)", "10.0")],
        [("cagr_percent(500, 500, 3)", "0.0"), ("cagr_percent(1000, 810, 2)", "-10.0"),
         ("cagr_percent(250, 1000, 10)", "14.87"), ("cagr_percent(100, 150, 0.5)", "125.0")],
        "return round(((end_value / start_value) ** (1 / years) - 1) * 100, 2)",
        arrow=True,
    ),
    Task(
        "win_rate", "(wins, losses, draws=0)",
        "Return the percentage of games won, rounded to one decimal; 0.0 when no "
        "games were played.",
        [("win_rate(7, 3)", "70.0"), ("win_rate(1, 1, 1)", "33.3")],
        [("win_rate(0, 0)", "0.0"), ("win_rate(0, 5)", "0.0"),
         ("win_rate(2, 0, 1)", "66.7"), ("win_rate(5, 0)", "100.0")],
        "games = wins + losses + draws\n"
        "return round(wins / games * 100, 1) if games else 0.0",
    ),
    Task(
        "elapsed_hours", "(start: str, end: str) -> float",
        "Return the number of hours between two 'YYYY-MM-DD HH:MM' timestamps, "
        "rounded to 2 decimals; the result is negative when end is before "
        "start.",
        [("elapsed_hours('2024-03-01 09:00', '2024-03-01 17:30')", "8.5"),
         ("elapsed_hours('2024-03-01 22:00', '2024-03-02 06:15')", "8.25")],
        [("elapsed_hours('2024-01-01 00:00', '2024-01-01 00:00')", "0.0"),
         ("elapsed_hours('2024-02-28 12:00', '2024-03-01 12:00')", "48.0"),
         ("elapsed_hours('2024-05-05 10:00', '2024-05-05 09:20')", "-0.67"),
         ("elapsed_hours('2024-01-01 08:00', '2024-01-01 08:20')", "0.33")],
        "from datetime import datetime\n"
        "fmt = '%Y-%m-%d %H:%M'\n"
        "delta = datetime.strptime(end, fmt) - datetime.strptime(start, fmt)\n"
        "return round(delta.total_seconds() / 3600, 2)",
        arrow=True,
    ),
    Task(
        "depreciated_value", "(cost, rate, years) -> float",
        "Return the book value of an asset after a number of years of "
        "declining-balance depreciation at rate percent per year, rounded to "
        "cents.",
        [("depreciated_value(10000, 20, 2)", "6400.0"), ("depreciated_value(5000, 10, 1)", "4500.0")],
        [("depreciated_value(1200, 25, 0)", "1200.0"), ("depreciated_value(1000, 50, 3)", "125.0"),
         ("depreciated_value(999.99, 100, 1)", "0.0"),
         ("depreciated_value(20000, 15, 5)", "8874.11")],
        "return round(cost * (1 - rate / 100) ** years, 2)",
    ),
    # ----------------------------------------------------------------- list
    Task(
        "unique_by", "(records: list[dict], key: str) -> list[dict]",
        "Drop duplicate records, where two records are duplicates if they have "
        "the same value for key; the first record with each value is kept and "
        "the original order is preserved.",
        [("unique_by([{'id': 1, 'v': 'a'}, {'id': 1, 'v': 'b'}, {'id': 2, 'v': 'c'}], 'id')",
          "[{'id': 1, 'v': 'a'}, {'id': 2, 'v': 'c'}]"),
         ("unique_by([{'email': 'x@y.z'}], 'email')", "[{'email': 'x@y.z'}]")],
        [("unique_by([], 'id')", "[]"),
         ("unique_by([{'k': None}, {'k': None}, {'k': 0}], 'k')", "[{'k': None}, {'k': 0}]"),
         ("unique_by([{'sku': 'A'}, {'sku': 'B'}, {'sku': 'A'}, {'sku': 'B'}], 'sku')",
          "[{'sku': 'A'}, {'sku': 'B'}]")],
        "seen = set()\n"
        "result = []\n"
        "for record in records:\n"
        "    value = record[key]\n"
        "    if value not in seen:\n"
        "        seen.add(value)\n"
        "        result.append(record)\n"
        "return result",
        arrow=True,
    ),
    Task(
        "titles_by_priority", "(tasks: list[dict]) -> list[str]",
        "Return the 'title' of each task dict, ordered by the task's 'priority' "
        "('high' first, then 'medium', then 'low') and alphabetically by title "
        "within the same priority.",
        [(("titles_by_priority([{'title': 'Deploy', 'priority': 'low'}, "
          "{'title': 'Fix bug', 'priority': 'high'}])"), "['Fix bug', 'Deploy']"),
         (("titles_by_priority([{'title': 'b', 'priority': 'medium'}, "
          "{'title': 'a', 'priority': 'medium'}])"), "['a', 'b']")],
        [("titles_by_priority([])", "[]"),
         (("titles_by_priority([{'title': 'x', 'priority': 'low'}, "
          "{'title': 'y', 'priority': 'medium'}, {'title': 'z', 'priority': 'high'}])"),
          "['z', 'y', 'x']"),
         (("titles_by_priority([{'title': 'b', 'priority': 'high'}, "
          "{'title': 'a', 'priority': 'low'}, {'title': 'a', 'priority': 'high'}])"),
          "['a', 'b', 'a']")],
        "order = {'high': 0, 'medium': 1, 'low': 2}\n"
        "ranked = sorted(tasks, key=lambda task: (order[task['priority']], task['title']))\n"
        "return [task['title'] for task in ranked]",
    ),
    Task(
        "sliding_windows", "(items, size) -> list[list]",
        "Return every run of size consecutive items as a list, in order; the "
        "result is empty if there are fewer than size items.",
        [("sliding_windows([1, 2, 3, 4], 2)", "[[1, 2], [2, 3], [3, 4]]"),
         ("sliding_windows(['a', 'b', 'c'], 3)", "[['a', 'b', 'c']]")],
        [("sliding_windows([1, 2], 3)", "[]"), ("sliding_windows([], 1)", "[]"),
         ("sliding_windows([5, 6, 7], 1)", "[[5], [6], [7]]")],
        "return [items[i:i + size] for i in range(len(items) - size + 1)]",
        arrow=True,
    ),
    Task(
        "merge_intervals", "(intervals) -> list",
        "Merge overlapping or touching (start, end) intervals, given in any "
        "order, into a sorted list of (start, end) tuples.",
        [("merge_intervals([(1, 3), (2, 6), (8, 10)])", "[(1, 6), (8, 10)]"),
         ("merge_intervals([(5, 7), (1, 2)])", "[(1, 2), (5, 7)]")],
        [("merge_intervals([])", "[]"), ("merge_intervals([(1, 4), (4, 5)])", "[(1, 5)]"),
         ("merge_intervals([(1, 10), (2, 3), (4, 5)])", "[(1, 10)]"),
         ("merge_intervals([(3, 3)])", "[(3, 3)]")],
        "merged = []\n"
        "for start, end in sorted(intervals):\n"
        "    if merged and start <= merged[-1][1]:\n"
        "        merged[-1] = (merged[-1][0], max(merged[-1][1], end))\n"
        "    else:\n"
        "        merged.append((start, end))\n"
        "return merged",
    ),
    Task(
        "added_items", "(old: list, new: list) -> list",
        "Return the items of new that are not in old, in new's order, for "
        "example to find which members were added to a group.",
        [("added_items(['ann', 'bob'], ['bob', 'cy', 'ann', 'dee'])", "['cy', 'dee']"),
         ("added_items([1, 2], [2, 1])", "[]")],
        [("added_items([], ['x'])", "['x']"), ("added_items(['a'], [])", "[]"),
         ("added_items([1, 2, 3], [4, 1, 5])", "[4, 5]")],
        "return [item for item in new if item not in old]",
        arrow=True,
    ),
    Task(
        "rotate_clockwise", "(grid) -> list[list]",
        "Rotate a rectangular grid, given as a list of rows, 90 degrees "
        "clockwise and return it as a new list of lists.",
        [("rotate_clockwise([[1, 2], [3, 4]])", "[[3, 1], [4, 2]]"),
         ("rotate_clockwise([[1, 2, 3]])", "[[1], [2], [3]]")],
        [("rotate_clockwise([])", "[]"),
         ("rotate_clockwise([['a'], ['b'], ['c']])", "[['c', 'b', 'a']]"),
         ("rotate_clockwise([[1, 2, 3], [4, 5, 6]])", "[[4, 1], [5, 2], [6, 3]]")],
        "return [list(row) for row in zip(*grid[::-1])]",
    ),
    Task(
        "grid_neighbors", "(grid: list[list[int]], row: int, col: int) -> list[int]",
        "Return the values of the cells directly above, below, left of and right "
        "of (row, col), in that order, skipping positions outside the grid.",
        [("grid_neighbors([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 1, 1)", "[2, 8, 4, 6]"),
         ("grid_neighbors([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 0, 0)", "[4, 2]")],
        [("grid_neighbors([[5]], 0, 0)", "[]"),
         ("grid_neighbors([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 2, 2)", "[6, 8]"),
         ("grid_neighbors([[1, 2, 3]], 0, 1)", "[1, 3]")],
        "values = []\n"
        "for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):\n"
        "    r, c = row + dr, col + dc\n"
        "    if 0 <= r < len(grid) and 0 <= c < len(grid[r]):\n"
        "        values.append(grid[r][c])\n"
        "return values",
        arrow=True,
    ),
    Task(
        "route_params", "(route) -> list[str]",
        "Return the names of the '{name}' placeholders in a URL route template, "
        "in the order they appear.",
        [("route_params('/users/{user_id}/posts/{post_id}')", "['user_id', 'post_id']"),
         ("route_params('/health')", "[]")],
        [("route_params('')", "[]"), ("route_params('/files/{path}')", "['path']"),
         ("route_params('/{a}/{b}/{a}')", "['a', 'b', 'a']")],
        "import re\n"
        "return re.findall(r'\\{(\\w+)\\}', route)",
    ),
    Task(
        "visible_files", "(names) -> list[str]",
        "Return the file names that do not start with a dot, sorted "
        "case-insensitively, as a directory listing shows them.",
        [("visible_files(['b.txt', '.env', 'A.md'])", "['A.md', 'b.txt']"),
         ("visible_files(['.git', '.cache'])", "[]")],
        [("visible_files([])", "[]"),
         ("visible_files(['zeta', 'Alpha', 'beta'])", "['Alpha', 'beta', 'zeta']"),
         ("visible_files(['readme', 'src', '.gitignore', 'Makefile'])",
          "['Makefile', 'readme', 'src']")],
        "return sorted((name for name in names if not name.startswith('.')), key=str.lower)",
        arrow=True,
    ),
    Task(
        "grep_lines", "(lines: list[str], word: str) -> list[str]",
        "Return the lines that contain word, ignoring case, each prefixed with "
        "its 1-based line number and ': ', like 'grep -n -i'.",
        [("grep_lines(['Error: disk full', 'ok', 'error again'], 'ERROR')",
          "['1: Error: disk full', '3: error again']"),
         ("grep_lines(['a', 'b'], 'c')", "[]")],
        [("grep_lines([], 'x')", "[]"),
         ("grep_lines(['TODO fix', 'done', 'todo: test'], 'todo')",
          "['1: TODO fix', '3: todo: test']"),
         ("grep_lines(['  spaced  '], 'spaced')", "['1:   spaced  ']")],
        "needle = word.lower()\n"
        "return [f'{i}: {line}' for i, line in enumerate(lines, 1) if needle in line.lower()]",
    ),
    Task(
        "parse_accept_language", "(header: str) -> list[str]",
        "Return the language tags of an Accept-Language header ordered by their "
        "'q' quality value (1 when missing), highest first; tags with the same "
        "quality keep their order.",
        [("parse_accept_language('fr-CH, fr;q=0.9, en;q=0.8')", "['fr-CH', 'fr', 'en']"),
         ("parse_accept_language('en;q=0.5, de')", "['de', 'en']")],
        [("parse_accept_language('')", "[]"), ("parse_accept_language('da')", "['da']"),
         ("parse_accept_language('a;q=0.2,b;q=0.7,c;q=0.7')", "['b', 'c', 'a']"),
         ("parse_accept_language('en-US,en;q=0.9,*;q=0.1')", "['en-US', 'en', '*']")],
        "weighted = []\n"
        "for part in header.split(','):\n"
        "    tag, _, params = part.strip().partition(';')\n"
        "    if not tag:\n"
        "        continue\n"
        "    params = params.strip()\n"
        "    quality = float(params[2:]) if params.startswith('q=') else 1.0\n"
        "    weighted.append((tag.strip(), quality))\n"
        "return [tag for tag, _ in sorted(weighted, key=lambda item: -item[1])]",
        arrow=True,
    ),
    Task(
        "time_slots", "(start: str, end: str, minutes: int) -> list[str]",
        "List the 'HH:MM' start times of back-to-back appointment slots of the "
        "given length from start to end (both 'HH:MM' on the same day); a slot "
        "is included only if it finishes by end.",
        [("time_slots('09:00', '10:00', 20)", "['09:00', '09:20', '09:40']"),
         ("time_slots('13:00', '14:00', 45)", "['13:00']")],
        [("time_slots('09:00', '09:15', 30)", "[]"), ("time_slots('10:00', '10:00', 15)", "[]"),
         ("time_slots('11:30', '13:00', 30)", "['11:30', '12:00', '12:30']"),
         ("time_slots('08:50', '09:30', 10)", "['08:50', '09:00', '09:10', '09:20']")],
        "start_h, start_m = map(int, start.split(':'))\n"
        "end_h, end_m = map(int, end.split(':'))\n"
        "t, stop = start_h * 60 + start_m, end_h * 60 + end_m\n"
        "slots = []\n"
        "while t + minutes <= stop:\n"
        "    slots.append(f'{t // 60:02d}:{t % 60:02d}')\n"
        "    t += minutes\n"
        "return slots",
    ),
    Task(
        "deal_cards", "(deck, players) -> list[list]",
        "Deal a deck one card at a time to each player in turn, starting with "
        "player 0, and return every player's hand; when the cards run out, the "
        "later players may get fewer.",
        [("deal_cards([1, 2, 3, 4, 5, 6], 2)", "[[1, 3, 5], [2, 4, 6]]"),
         ("deal_cards(['A', 'K', 'Q'], 2)", "[['A', 'Q'], ['K']]")],
        [("deal_cards([], 3)", "[[], [], []]"), ("deal_cards([1, 2], 4)", "[[1], [2], [], []]"),
         ("deal_cards([1, 2, 3, 4, 5, 6, 7], 3)", "[[1, 4, 7], [2, 5], [3, 6]]")],
        "return [deck[i::players] for i in range(players)]",
        arrow=True,
    ),
    Task(
        "sort_uk_dates", "(dates: list[str]) -> list[str]",
        "Sort dates written as 'DD/MM/YYYY' into chronological order, keeping "
        "them in that format.",
        [("sort_uk_dates(['03/02/2024', '25/12/2023', '01/02/2024'])",
          "['25/12/2023', '01/02/2024', '03/02/2024']"),
         ("sort_uk_dates(['10/01/2021', '09/01/2021'])", "['09/01/2021', '10/01/2021']")],
        [("sort_uk_dates([])", "[]"),
         ("sort_uk_dates(['02/01/2021', '31/12/2020'])", "['31/12/2020', '02/01/2021']"),
         ("sort_uk_dates(['01/03/2024', '29/02/2024'])", "['29/02/2024', '01/03/2024']")],
        "return sorted(dates, key=lambda date: (date[6:], date[3:5], date[:2]))",
    ),
    Task(
        "paragraphs", "(lines) -> list[list[str]]",
        "Group lines into paragraphs separated by blank or whitespace-only "
        "lines, leaving the blank lines out.",
        [("paragraphs(['a', 'b', '', 'c'])", "[['a', 'b'], ['c']]"),
         ("paragraphs(['one'])", "[['one']]")],
        [("paragraphs([])", "[]"),
         ("paragraphs(['', '', 'x', '  ', '', 'y', ''])", "[['x'], ['y']]"),
         ("paragraphs(['  '])", "[]")],
        "groups = []\n"
        "current = []\n"
        "for line in lines:\n"
        "    if line.strip():\n"
        "        current.append(line)\n"
        "    elif current:\n"
        "        groups.append(current)\n"
        "        current = []\n"
        "if current:\n"
        "    groups.append(current)\n"
        "return groups",
        arrow=True,
    ),
    # ----------------------------------------------------------------- dict
    Task(
        "parse_cookie_header", "(header: str) -> dict[str, str]",
        "Parse a Cookie request header such as 'theme=dark; sid=abc123' into a "
        "dict of names and values; pieces without '=' are ignored.",
        [("parse_cookie_header('theme=dark; sid=abc123')", "{'theme': 'dark', 'sid': 'abc123'}"),
         ("parse_cookie_header('lang=en')", "{'lang': 'en'}")],
        [("parse_cookie_header('')", "{}"), ("parse_cookie_header('a=1;b=2')", "{'a': '1', 'b': '2'}"),
         ("parse_cookie_header('token=x=y; flag')", "{'token': 'x=y'}"),
         ("parse_cookie_header('a=; b=2')", "{'a': '', 'b': '2'}")],
        "cookies = {}\n"
        "for piece in header.split(';'):\n"
        "    name, eq, value = piece.strip().partition('=')\n"
        "    if eq:\n"
        "        cookies[name] = value\n"
        "return cookies",
    ),
    Task(
        "parse_cli_flags", "(args) -> dict",
        "Parse command-line options of the form '--name=value' or '--flag' into "
        "a dict: valued options map to their value as a string and bare flags "
        "map to True. Arguments that do not start with '--' are ignored.",
        [("parse_cli_flags(['--port=8080', '--debug'])", "{'port': '8080', 'debug': True}"),
         ("parse_cli_flags(['run', '--env=prod'])", "{'env': 'prod'}")],
        [("parse_cli_flags([])", "{}"),
         ("parse_cli_flags(['--url=http://x/?a=b'])", "{'url': 'http://x/?a=b'}"),
         ("parse_cli_flags(['-v', '--name='])", "{'name': ''}"),
         ("parse_cli_flags(['build', '--dry-run', 'src'])", "{'dry-run': True}")],
        "options = {}\n"
        "for arg in args:\n"
        "    if not arg.startswith('--'):\n"
        "        continue\n"
        "    name, eq, value = arg[2:].partition('=')\n"
        "    options[name] = value if eq else True\n"
        "return options",
        arrow=True,
    ),
    Task(
        "monthly_totals", "(transactions: list[tuple[str, float]]) -> dict[str, float]",
        "Total (date, amount) transactions by month, with dates given as "
        "'YYYY-MM-DD' and months used as 'YYYY-MM' keys; each total is rounded "
        "to 2 decimals.",
        [("monthly_totals([('2024-01-05', 20.0), ('2024-01-20', 5.5), ('2024-02-01', 10.0)])",
          "{'2024-01': 25.5, '2024-02': 10.0}"),
         ("monthly_totals([('2023-12-31', -3.0)])", "{'2023-12': -3.0}")],
        [("monthly_totals([])", "{}"),
         ("monthly_totals([('2024-03-01', 0.1), ('2024-03-02', 0.2)])", "{'2024-03': 0.3}"),
         ("monthly_totals([('2024-02-01', 1.0), ('2024-01-01', 2.0), ('2024-02-15', 3.0)])",
          "{'2024-02': 4.0, '2024-01': 2.0}")],
        "totals = {}\n"
        "for date, amount in transactions:\n"
        "    month = date[:7]\n"
        "    totals[month] = totals.get(month, 0) + amount\n"
        "return {month: round(total, 2) for month, total in totals.items()}",
    ),
    Task(
        "parse_dsn", "(dsn: str) -> dict",
        "Split a database URL such as 'postgres://user:pass@host:5432/name' into "
        "a dict with the keys 'scheme', 'user', 'password', 'host', 'port' (an "
        "int) and 'database', using None for the parts that are missing.",
        [("parse_dsn('postgres://app:s3cret@db.local:5432/shop')",
          ("{'scheme': 'postgres', 'user': 'app', 'password': 's3cret', 'host': 'db.local', "
          "'port': 5432, 'database': 'shop'}")),
         ("parse_dsn('mysql://root@localhost/test')",
          ("{'scheme': 'mysql', 'user': 'root', 'password': None, 'host': 'localhost', "
          "'port': None, 'database': 'test'}"))],
        [("parse_dsn('redis://cache:6379')",
          ("{'scheme': 'redis', 'user': None, 'password': None, 'host': 'cache', "
          "'port': 6379, 'database': None}")),
         ("parse_dsn('postgres://u:p@h/')",
          ("{'scheme': 'postgres', 'user': 'u', 'password': 'p', 'host': 'h', "
          "'port': None, 'database': None}")),
         ("parse_dsn('postgresql://etl:pw@10.0.0.5:6432/analytics')",
          ("{'scheme': 'postgresql', 'user': 'etl', 'password': 'pw', 'host': '10.0.0.5', "
          "'port': 6432, 'database': 'analytics'}"))],
        "from urllib.parse import urlsplit\n"
        "parts = urlsplit(dsn)\n"
        "return {\n"
        "    'scheme': parts.scheme,\n"
        "    'user': parts.username,\n"
        "    'password': parts.password,\n"
        "    'host': parts.hostname,\n"
        "    'port': parts.port,\n"
        "    'database': parts.path.lstrip('/') or None,\n"
        "}",
        arrow=True,
    ),
    Task(
        "count_by_weekday", "(dates: list[str]) -> dict[str, int]",
        "Count 'YYYY-MM-DD' dates by weekday, keyed by three-letter English "
        "names such as 'Mon'; weekdays with no dates are left out.",
        [("count_by_weekday(['2024-03-04', '2024-03-11', '2024-03-06'])", "{'Mon': 2, 'Wed': 1}"),
         ("count_by_weekday(['2024-03-09'])", "{'Sat': 1}")],
        [("count_by_weekday([])", "{}"),
         ("count_by_weekday(['2024-02-29', '2023-12-31', '2024-01-01'])",
          "{'Thu': 1, 'Sun': 1, 'Mon': 1}"),
         ("count_by_weekday(['2000-01-01', '2000-01-08', '2000-01-15'])", "{'Sat': 3}")],
        "import datetime\n"
        "names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']\n"
        "counts = {}\n"
        "for date in dates:\n"
        "    name = names[datetime.date.fromisoformat(date).weekday()]\n"
        "    counts[name] = counts.get(name, 0) + 1\n"
        "return counts",
    ),
    Task(
        "settings_from_env", "(environ: dict[str, str], prefix: str) -> dict[str, str]",
        "Pick the environment variables whose names start with prefix "
        "(case-sensitive) and return them with the prefix removed and the rest "
        "of the name lowercased.",
        [("settings_from_env({'APP_PORT': '8000', 'APP_DEBUG': '1', 'HOME': '/root'}, 'APP_')",
          "{'port': '8000', 'debug': '1'}"),
         ("settings_from_env({'PATH': '/bin'}, 'APP_')", "{}")],
        [("settings_from_env({}, 'X_')", "{}"),
         ("settings_from_env({'MYAPP_DB_HOST': 'db', 'APP_X': '1'}, 'APP_')", "{'x': '1'}"),
         ("settings_from_env({'APP_LOG_LEVEL': 'info', 'app_user': 'me'}, 'APP_')",
          "{'log_level': 'info'}")],
        "return {\n"
        "    name[len(prefix):].lower(): value\n"
        "    for name, value in environ.items()\n"
        "    if name.startswith(prefix)\n"
        "}",
        arrow=True,
    ),
    Task(
        "normalize_keys", "(data) -> dict",
        "Return a copy of data, such as a row read from a CSV file, whose keys "
        "are stripped of surrounding whitespace, lowercased and have their "
        "spaces replaced by underscores; the values are unchanged.",
        [("normalize_keys({' First Name ': 'Ann', 'AGE': 30})", "{'first_name': 'Ann', 'age': 30}"),
         ("normalize_keys({'Email Address': 'a@b.c'})", "{'email_address': 'a@b.c'}")],
        [("normalize_keys({})", "{}"), ("normalize_keys({'id': 1})", "{'id': 1}"),
         ("normalize_keys({'Zip Code': '02134', 'City': None})",
          "{'zip_code': '02134', 'city': None}")],
        "return {key.strip().lower().replace(' ', '_'): value for key, value in data.items()}",
    ),
    # ------------------------------------------------------------- Optional
    Task(
        "ttt_winner", "(board: list[str]) -> str | None",
        "Return 'X' or 'O' for the player with three in a row (across, down or "
        "diagonally) on a tic-tac-toe board given as three strings of 'X', 'O' "
        "and '.', or None if nobody has won.",
        [("ttt_winner(['XXX', 'OO.', '...'])", "'X'"), ("ttt_winner(['XO.', 'OX.', '..O'])", "None")],
        [("ttt_winner(['...', '...', '...'])", "None"),
         ("ttt_winner(['O..', 'O.X', 'OX.'])", "'O'"),
         ("ttt_winner(['X.O', '.O.', 'OX.'])", "'O'"),
         ("ttt_winner(['XOX', 'XOO', 'OXX'])", "None")],
        "lines = list(board) + [''.join(column) for column in zip(*board)]\n"
        "lines.append(''.join(board[i][i] for i in range(3)))\n"
        "lines.append(''.join(board[i][2 - i] for i in range(3)))\n"
        "for line in lines:\n"
        "    if line in ('XXX', 'OOO'):\n"
        "        return line[0]\n"
        "return None",
        arrow=True,
    ),
    Task(
        "cheapest_shipping", "(options: list[tuple[str, float, float]], weight: float) -> str | None",
        "Given shipping options as (name, max_weight_kg, price) tuples, return "
        "the name of the cheapest option that can carry weight (up to and "
        "including its max weight), or None if no option can.",
        [("cheapest_shipping([('letter', 0.5, 1.2), ('parcel', 10, 6.5), ('freight', 100, 40)], 3)",
          "'parcel'"),
         ("cheapest_shipping([('letter', 0.5, 1.2)], 2)", "None")],
        [("cheapest_shipping([], 1)", "None"),
         ("cheapest_shipping([('a', 5, 9.0), ('b', 5, 7.5)], 5)", "'b'"),
         ("cheapest_shipping([('small', 1, 3.0), ('big', 20, 2.0)], 0.5)", "'big'")],
        "fits = [(price, name) for name, limit, price in options if weight <= limit]\n"
        "return min(fits)[1] if fits else None",
        arrow=True,
    ),
    Task(
        "youtube_id", "(url: str) -> str | None",
        "Return the video id from a YouTube link of the form "
        "'https://www.youtube.com/watch?v=ID', where other query parameters may "
        "follow, or 'https://youtu.be/ID'; return None for any other URL.",
        [("youtube_id('https://www.youtube.com/watch?v=dQw4w9WgXcQ')", "'dQw4w9WgXcQ'"),
         ("youtube_id('https://vimeo.com/76979871')", "None")],
        [("youtube_id('https://youtu.be/abc123XYZ_-')", "'abc123XYZ_-'"),
         ("youtube_id('https://www.youtube.com/watch?v=xyz&t=42s')", "'xyz'"),
         ("youtube_id('https://www.youtube.com/feed')", "None"),
         ("youtube_id('https://www.youtube.com/watch?v=AbC-12_xyz9&list=PL1')", "'AbC-12_xyz9'")],
        "from urllib.parse import parse_qs, urlsplit\n"
        "parts = urlsplit(url)\n"
        "if parts.netloc == 'youtu.be':\n"
        "    return parts.path.lstrip('/') or None\n"
        "if parts.netloc == 'www.youtube.com' and parts.path == '/watch':\n"
        "    return parse_qs(parts.query).get('v', [None])[0]\n"
        "return None",
        arrow=True,
    ),
    Task(
        "percent_complete", "(done: int, total: int) -> float | None",
        "Return done as a percentage of total, rounded to one decimal, or None "
        "when total is 0 because there is nothing to measure.",
        [("percent_complete(3, 4)", "75.0"), ("percent_complete(0, 0)", "None")],
        [("percent_complete(0, 5)", "0.0"), ("percent_complete(1, 3)", "33.3"),
         ("percent_complete(7, 7)", "100.0"), ("percent_complete(2, 3)", "66.7")],
        "return round(done / total * 100, 1) if total else None",
        arrow=True,
    ),
    Task(
        "latest_version", "(tags: list[str]) -> str | None",
        "Return the highest release tag of the form 'vMAJOR.MINOR.PATCH' among "
        "git tags, comparing the numbers numerically and ignoring tags of any "
        "other form; None if there is no such tag.",
        [("latest_version(['v1.2.0', 'v1.10.0', 'v1.9.3'])", "'v1.10.0'"),
         ("latest_version(['nightly', 'test'])", "None")],
        [("latest_version([])", "None"),
         ("latest_version(['v2.0.0-rc1', 'v1.0.0', 'release-3'])", "'v1.0.0'"),
         ("latest_version(['v0.9.9', 'v0.10.0', 'v0.9.10'])", "'v0.10.0'"),
         ("latest_version(['1.5.0', 'v1.4.0'])", "'v1.4.0'")],
        "import re\n"
        "releases = [tag for tag in tags if re.fullmatch(r'v\\d+\\.\\d+\\.\\d+', tag)]\n"
        "if not releases:\n"
        "    return None\n"
        "return max(releases, key=lambda tag: tuple(map(int, tag[1:].split('.'))))",
        arrow=True,
    ),
]


def check(task: Task) -> list[str]:
    """As the third set's check, with exactly two examples and three or four hidden tests."""
    problems = check_task(task, min_hidden=3)
    if len(task.examples) != 2:
        problems.append("need exactly 2 examples")
    return problems


def main() -> int:
    return write_set(TASKS, BANNED, OUT, "blind5", check)


if __name__ == "__main__":
    sys.exit(main())

"""Write tests/bench/everyday_blind7.jsonl: 100 held-out everyday tasks (the seventh set).

Each task carries a reference body. Before anything is written, every stub is
completed with its reference body and run in a fresh `python3` subprocess
against its given and hidden asserts, its docstring examples are parsed back
and compared with the given tests, and every example's expected text must be
the repr of the reference result (doctest-style stubs are also run through
doctest). The file is only written when all 100 tasks pass.

Function names avoid every name used by the earlier everyday sets, the sixth
set's tasks included (BANNED). Every task has exactly two given examples and
three or four hidden tests. Signatures without a return annotation are counted
by the type of their examples' results.

Run: python3 tests/bench/make_blind7.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# The task record (third set), the set writer (fourth set) and the check with exactly two
# examples and three or four hidden tests (fifth set).
import make_blind6
from make_blind3 import Task
from make_blind4 import write_set
from make_blind5 import check

OUT = Path(__file__).with_name("everyday_blind7.jsonl")

# Every name of the earlier sets and of the sixth set's tasks.
BANNED = make_blind6.BANNED | {task.name for task in make_blind6.TASKS}


TASKS: list[Task] = [
    # ------------------------------------------------------------------ str
    Task(
        "tilde_path", "(path: str) -> str",
        "Shorten a path for display by replacing a leading home directory "
        "'/home/<user>' with '~'.",
        [("tilde_path('/home/ann/docs/cv.pdf')", "'~/docs/cv.pdf'"),
         ("tilde_path('/etc/hosts')", "'/etc/hosts'")],
        [("tilde_path('/home/bob')", "'~'"), ("tilde_path('/home/bob/')", "'~/'"),
         ("tilde_path('/homework/x.txt')", "'/homework/x.txt'"),
         ("tilde_path('/srv/home/ann/a')", "'/srv/home/ann/a'")],
        "import re\n"
        "return re.sub(r'^/home/[^/]+', '~', path)",
        arrow=True,
    ),
    Task(
        "temperature_label", "(celsius: float) -> str",
        "Format a temperature for a weather widget: rounded to whole degrees "
        "and followed by '°C', with a '+' sign when the rounded value is above "
        "zero.",
        [("temperature_label(21.6)", "'+22°C'"), ("temperature_label(-3.2)", "'-3°C'")],
        [("temperature_label(0)", "'0°C'"), ("temperature_label(0.3)", "'0°C'"),
         ("temperature_label(-0.4)", "'0°C'"), ("temperature_label(99.7)", "'+100°C'")],
        "degrees = round(celsius)\n"
        "return f'{degrees:+d}°C' if degrees else '0°C'",
    ),
    Task(
        "price_range_label", "(prices: list[float]) -> str",
        "Show the price range of a product's variants as '$low - $high' with "
        "two decimals, or a single '$price' when they all cost the same; an "
        "empty list gives ''.",
        [("price_range_label([19.99, 24.5])", "'$19.99 - $24.50'"),
         ("price_range_label([5, 5.0])", "'$5.00'")],
        [("price_range_label([])", "''"), ("price_range_label([3, 1, 2])", "'$1.00 - $3.00'"),
         ("price_range_label([0.5])", "'$0.50'"),
         ("price_range_label([1250, 999.9])", "'$999.90 - $1250.00'")],
        "if not prices:\n"
        "    return ''\n"
        "low, high = min(prices), max(prices)\n"
        "if low == high:\n"
        "    return f'${low:.2f}'\n"
        "return f'${low:.2f} - ${high:.2f}'",
        arrow=True,
    ),
    Task(
        "table_border", "(widths) -> str",
        "Build the horizontal border line of a plain-text table: a '+', then "
        "for each column its width plus two dashes followed by another '+'.",
        [("table_border([3, 5])", "'+-----+-------+'"), ("table_border([1])", "'+---+'")],
        [("table_border([])", "'+'"), ("table_border([0])", "'+--+'"),
         ("table_border([2, 2, 2])", "'+----+----+----+'")],
        "return '+' + ''.join('-' * (width + 2) + '+' for width in widths)",
    ),
    Task(
        "in_clause", "(ids: list[int]) -> str",
        "Build the IN clause of an SQL query for a list of integer ids, like "
        "'IN (1, 2, 3)'. An empty list gives 'IN (NULL)' so that the query "
        "matches no rows.",
        [("in_clause([4, 8, 15])", "'IN (4, 8, 15)'"), ("in_clause([])", "'IN (NULL)'")],
        [("in_clause([7])", "'IN (7)'"), ("in_clause([-1, 0])", "'IN (-1, 0)'"),
         ("in_clause([100, 2, 50])", "'IN (100, 2, 50)'")],
        "return f\"IN ({', '.join(map(str, ids)) or 'NULL'})\"",
        arrow=True,
    ),
    Task(
        "tag_line", "(tags: list[str]) -> str",
        "Render a blog post's tags for its footer: each tag lowercased and "
        "prefixed with '#', duplicates removed, sorted alphabetically and "
        "separated by spaces.",
        [("tag_line(['Python', 'tips', 'python'])", "'#python #tips'"),
         ("tag_line(['travel'])", "'#travel'")],
        [("tag_line([])", "''"), ("tag_line(['b', 'A', 'c'])", "'#a #b #c'"),
         ("tag_line(['SQL', 'sql', 'Sql'])", "'#sql'")],
        "return ' '.join('#' + tag for tag in sorted({tag.lower() for tag in tags}))",
    ),
    Task(
        "iso_to_uk_date", "(iso)",
        "Convert an ISO date 'YYYY-MM-DD' to the British format 'DD/MM/YYYY'.",
        [("iso_to_uk_date('2024-03-09')", "'09/03/2024'"),
         ("iso_to_uk_date('1999-12-31')", "'31/12/1999'")],
        [("iso_to_uk_date('2000-01-01')", "'01/01/2000'"),
         ("iso_to_uk_date('2023-11-05')", "'05/11/2023'"),
         ("iso_to_uk_date('2024-02-29')", "'29/02/2024'")],
        "year, month, day = iso.split('-')\n"
        "return f'{day}/{month}/{year}'",
        arrow=True,
    ),
    Task(
        "month_year_label", "(iso: str) -> str",
        "Return the full month name and the year of an ISO date 'YYYY-MM-DD', "
        "like 'March 2024', for the headings of a blog archive.",
        [("month_year_label('2024-03-09')", "'March 2024'"),
         ("month_year_label('2023-12-31')", "'December 2023'")],
        [("month_year_label('2025-01-01')", "'January 2025'"),
         ("month_year_label('1999-07-15')", "'July 1999'"),
         ("month_year_label('2024-05-31')", "'May 2024'")],
        "import calendar\n"
        "year, month, _ = iso.split('-')\n"
        "return f'{calendar.month_name[int(month)]} {year}'",
    ),
    Task(
        "match_summary", "(home: str, away: str, score: tuple[int, int]) -> str",
        "Describe a match result from its (home goals, away goals) score: "
        "'<winner> beat <loser> W-L' with the winner's goals first, or '<home> "
        "and <away> drew H-A' when it was a draw.",
        [("match_summary('Leeds', 'Hull', (2, 1))", "'Leeds beat Hull 2-1'"),
         ("match_summary('Leeds', 'Hull', (0, 3))", "'Hull beat Leeds 3-0'")],
        [("match_summary('Ajax', 'PSV', (1, 1))", "'Ajax and PSV drew 1-1'"),
         ("match_summary('A', 'B', (0, 0))", "'A and B drew 0-0'"),
         ("match_summary('Spurs', 'Arsenal', (4, 2))", "'Spurs beat Arsenal 4-2'")],
        "home_goals, away_goals = score\n"
        "if home_goals == away_goals:\n"
        "    return f'{home} and {away} drew {home_goals}-{away_goals}'\n"
        "if home_goals > away_goals:\n"
        "    return f'{home} beat {away} {home_goals}-{away_goals}'\n"
        "return f'{away} beat {home} {away_goals}-{home_goals}'",
        arrow=True,
    ),
    Task(
        "canonical_header", "(name: str) -> str",
        "Normalize an HTTP header name to its canonical form: each "
        "hyphen-separated word with an uppercase first letter and the rest "
        "lowercase.",
        [("canonical_header('content-type')", "'Content-Type'"),
         ("canonical_header('X-REQUEST-ID')", "'X-Request-Id'")],
        [("canonical_header('etag')", "'Etag'"),
         ("canonical_header('www-authenticate')", "'Www-Authenticate'"),
         ("canonical_header('')", "''")],
        "return '-'.join(word.capitalize() for word in name.split('-'))",
    ),
    Task(
        "module_path_to_name", "(path: str) -> str",
        "Turn the path of a Python source file, like 'app/models/user.py', into "
        "its dotted module name; an '__init__.py' file stands for its package.",
        [("module_path_to_name('app/models/user.py')", "'app.models.user'"),
         ("module_path_to_name('app/__init__.py')", "'app'")],
        [("module_path_to_name('main.py')", "'main'"),
         ("module_path_to_name('pkg/sub/__init__.py')", "'pkg.sub'"),
         ("module_path_to_name('src/cli.py')", "'src.cli'")],
        "parts = path.removesuffix('.py').split('/')\n"
        "if parts[-1] == '__init__':\n"
        "    parts.pop()\n"
        "return '.'.join(parts)",
        arrow=True,
    ),
    Task(
        "docker_tag", "(image: str) -> str",
        "Return the tag of a Docker image reference such as 'nginx:1.25', or "
        "'latest' when it has none. A colon in the registry part (a port, as in "
        "'localhost:5000/app') is not a tag.",
        [("docker_tag('nginx:1.25')", "'1.25'"), ("docker_tag('python')", "'latest'")],
        [("docker_tag('localhost:5000/app')", "'latest'"),
         ("docker_tag('localhost:5000/app:v2')", "'v2'"),
         ("docker_tag('ghcr.io/org/tool:sha-1a2b')", "'sha-1a2b'")],
        "name = image.rsplit('/', 1)[-1]\n"
        "_, colon, tag = name.partition(':')\n"
        "return tag if colon else 'latest'",
    ),
    Task(
        "deploy_env", "(branch) -> str",
        "Pick the environment a CI pipeline deploys a git branch to: "
        "'production' for 'main' or 'master', 'staging' for 'develop', and "
        "'preview' for every other branch.",
        [("deploy_env('main')", "'production'"), ("deploy_env('feature/login')", "'preview'")],
        [("deploy_env('develop')", "'staging'"), ("deploy_env('master')", "'production'"),
         ("deploy_env('release/main')", "'preview'"), ("deploy_env('developer')", "'preview'")],
        "if branch in ('main', 'master'):\n"
        "    return 'production'\n"
        "return 'staging' if branch == 'develop' else 'preview'",
        arrow=True,
    ),
    Task(
        "flip_name", "(name: str) -> str",
        "Turn a name written 'Last, First' into 'First Last', trimming the "
        "spaces around both parts; a name without a comma is returned trimmed.",
        [("flip_name('Lovelace, Ada')", "'Ada Lovelace'"), ("flip_name('Cher')", "'Cher'")],
        [("flip_name('van Rossum, Guido')", "'Guido van Rossum'"),
         ("flip_name('  Smith ,  John ')", "'John Smith'"), ("flip_name('Prince ')", "'Prince'")],
        "last, comma, first = name.partition(',')\n"
        "return f'{first.strip()} {last.strip()}' if comma else name.strip()",
    ),
    Task(
        "option_tag", "(value: str, label: str, selected: bool = False) -> str",
        "Render an HTML <option> element for a drop-down list, adding the "
        "'selected' attribute when it is the selected option.",
        [("option_tag('us', 'United States', True)",
          "'<option value=\"us\" selected>United States</option>'"),
         ("option_tag('fr', 'France')", "'<option value=\"fr\">France</option>'")],
        [("option_tag('', 'Choose...')", "'<option value=\"\">Choose...</option>'"),
         ("option_tag('de', 'Germany', False)", "'<option value=\"de\">Germany</option>'"),
         ("option_tag('nz', 'New Zealand', True)",
          "'<option value=\"nz\" selected>New Zealand</option>'")],
        "attribute = ' selected' if selected else ''\n"
        "return f'<option value=\"{value}\"{attribute}>{label}</option>'",
        arrow=True,
    ),
    Task(
        "daily_cron", "(hour: int, minute: int = 0) -> str",
        "Return the crontab schedule for a job that runs every day at the given "
        "hour and minute.",
        [("daily_cron(2, 30)", "'30 2 * * *'"), ("daily_cron(14)", "'0 14 * * *'")],
        [("daily_cron(0, 0)", "'0 0 * * *'"), ("daily_cron(23, 59)", "'59 23 * * *'"),
         ("daily_cron(7, 5)", "'5 7 * * *'")],
        "return f'{minute} {hour} * * *'",
    ),
    Task(
        "chart_row", "(label, value, width=10) -> str",
        "Draw one row of a text bar chart: the label left-aligned and padded "
        "with spaces to width characters, a space, then one '#' for each unit "
        "of value.",
        [("chart_row('apples', 3)", "'apples     ###'"), ("chart_row('kiwi', 5, 6)", "'kiwi   #####'")],
        [("chart_row('pears', 0)", "'pears      '"), ("chart_row('watermelons', 2)", "'watermelons ##'"),
         ("chart_row('', 1, 3)", "'    #'")],
        "return f'{label:<{width}} ' + '#' * value",
        arrow=True,
    ),
    Task(
        "text_color_for", "(background: str) -> str",
        "Choose 'black' or 'white' text for a '#RRGGBB' background colour: "
        "black when its brightness 0.299 R + 0.587 G + 0.114 B is above 128, "
        "white otherwise.",
        [("text_color_for('#ffffff')", "'black'"), ("text_color_for('#003366')", "'white'")],
        [("text_color_for('#000000')", "'white'"), ("text_color_for('#FFCC00')", "'black'"),
         ("text_color_for('#0000ff')", "'white'"), ("text_color_for('#00ff00')", "'black'")],
        "r, g, b = (int(background[i:i + 2], 16) for i in (1, 3, 5))\n"
        "return 'black' if 0.299 * r + 0.587 * g + 0.114 * b > 128 else 'white'",
    ),
    Task(
        "with_scheme", "(url)",
        "Clean up a website address typed into a form: strip surrounding "
        "whitespace and put 'https://' in front unless it already starts with "
        "'http://' or 'https://' (in any case).",
        [("with_scheme('example.com')", "'https://example.com'"),
         ("with_scheme('http://intranet.local/wiki')", "'http://intranet.local/wiki'")],
        [("with_scheme('  shop.io/sale ')", "'https://shop.io/sale'"),
         ("with_scheme('HTTPS://A.COM')", "'HTTPS://A.COM'"),
         ("with_scheme('httpbin.org')", "'https://httpbin.org'")],
        "url = url.strip()\n"
        "return url if url.lower().startswith(('http://', 'https://')) else 'https://' + url",
        arrow=True,
    ),
    Task(
        "heading_anchor", "(heading: str) -> str",
        "Make the anchor id a Markdown renderer like GitHub's gives a heading: "
        "lowercase it, drop every character other than letters, digits, "
        "spaces, hyphens and underscores, then turn each space into a hyphen.",
        [("heading_anchor('Getting Started')", "'getting-started'"),
         ("heading_anchor(\"What's new in v2.0?\")", "'whats-new-in-v20'")],
        [("heading_anchor('API  Reference')", "'api--reference'"),
         ("heading_anchor('snake_case names')", "'snake_case-names'"),
         ("heading_anchor('')", "''"), ("heading_anchor('C++ & Rust')", "'c--rust'")],
        "import re\n"
        "return re.sub(r'[^\\w\\- ]', '', heading.lower()).replace(' ', '-')",
    ),
    # ----------------------------------------------------------------- bool
    Task(
        "is_commit_sha", "(text: str) -> bool",
        "Check that text looks like a git commit hash: 7 to 40 lowercase "
        "hexadecimal characters.",
        [("is_commit_sha('a1b2c3d')", "True"), ("is_commit_sha('main')", "False")],
        [("is_commit_sha('A1B2C3D')", "False"), ("is_commit_sha('abc123')", "False"),
         ("is_commit_sha('e83c5163316f89bfbde7d9ab23ca2e25604af290')", "True"),
         ("is_commit_sha('e83c5163316f89bfbde7d9ab23ca2e25604af2901')", "False")],
        "import re\n"
        "return re.fullmatch(r'[0-9a-f]{7,40}', text) is not None",
    ),
    Task(
        "token_expired", "(expires_at: int, now: int, leeway: int = 30) -> bool",
        "Return True if an access token has expired. Times are Unix timestamps "
        "and leeway seconds of clock skew are allowed, so the token only counts "
        "as expired once now is later than expires_at plus leeway.",
        [("token_expired(1000, 1031)", "True"), ("token_expired(1000, 1020)", "False")],
        [("token_expired(1000, 1030)", "False"), ("token_expired(1000, 1001, 0)", "True"),
         ("token_expired(1000, 900)", "False"), ("token_expired(1000, 1000, 0)", "False")],
        "return now > expires_at + leeway",
        arrow=True,
    ),
    Task(
        "wins_prize", "(ticket: list[int], drawn: list[int]) -> bool",
        "Return True if a lottery ticket wins a prize, which takes at least "
        "three of its numbers among the drawn numbers.",
        [("wins_prize([3, 11, 19, 25, 38, 44], [3, 8, 19, 25, 40, 41])", "True"),
         ("wins_prize([1, 2, 3, 4, 5, 6], [10, 20, 30, 40, 2, 3])", "False")],
        [("wins_prize([], [1, 2, 3])", "False"), ("wins_prize([7, 8, 9], [9, 8, 7])", "True"),
         ("wins_prize([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6])", "True"),
         ("wins_prize([5, 6, 7, 8], [5, 6, 40, 41])", "False")],
        "return len(set(ticket) & set(drawn)) >= 3",
    ),
    Task(
        "starts_before", "(start: str, end: str) -> bool",
        "Return True if a booking's start time is strictly before its end time "
        "on the same day; both are 24-hour 'HH:MM' strings.",
        [("starts_before('09:00', '10:30')", "True"), ("starts_before('18:00', '17:45')", "False")],
        [("starts_before('12:00', '12:00')", "False"), ("starts_before('00:00', '23:59')", "True"),
         ("starts_before('09:59', '10:00')", "True"), ("starts_before('23:30', '00:15')", "False")],
        "start_h, start_m = map(int, start.split(':'))\n"
        "end_h, end_m = map(int, end.split(':'))\n"
        "return (start_h, start_m) < (end_h, end_m)",
        arrow=True,
    ),
    Task(
        "has_repeated_run", "(password: str, limit: int = 3) -> bool",
        "Return True if a password has the same character limit or more times "
        "in a row, which the password policy rejects.",
        [("has_repeated_run('paaassword')", "True"), ("has_repeated_run('banana')", "False")],
        [("has_repeated_run('')", "False"), ("has_repeated_run('aab', 2)", "True"),
         ("has_repeated_run('111')", "True"), ("has_repeated_run('xAAay')", "False")],
        "from itertools import groupby\n"
        "return any(len(list(run)) >= limit for _, run in groupby(password))",
    ),
    Task(
        "same_site", "(url_a: str, url_b: str) -> bool",
        "Return True if two URLs point to the same host, comparing host names "
        "case-insensitively and ignoring a leading 'www.'; the scheme, port and "
        "path do not matter.",
        [("same_site('https://www.example.com/a', 'http://example.com/b')", "True"),
         ("same_site('https://example.com', 'https://example.org')", "False")],
        [("same_site('https://Shop.Example.com/x', 'https://shop.example.com:8443/')", "True"),
         ("same_site('https://api.example.com', 'https://example.com')", "False"),
         ("same_site('http://www.a.io', 'https://WWW.A.IO/home')", "True")],
        "from urllib.parse import urlsplit\n"
        "def host(url):\n"
        "    return (urlsplit(url).hostname or '').removeprefix('www.')\n"
        "return host(url_a) == host(url_b)",
        arrow=True,
    ),
    Task(
        "is_straight", "(ranks: list[int]) -> bool",
        "Return True if five poker card ranks, 2 to 14 with 14 for the ace, "
        "make a straight: five consecutive values, where the ace may also count "
        "as 1 as in A-2-3-4-5.",
        [("is_straight([9, 7, 8, 5, 6])", "True"), ("is_straight([2, 3, 4, 5, 7])", "False")],
        [("is_straight([14, 2, 3, 4, 5])", "True"), ("is_straight([10, 11, 12, 13, 14])", "True"),
         ("is_straight([2, 2, 3, 4, 5])", "False"), ("is_straight([12, 13, 14, 2, 3])", "False")],
        "values = sorted(set(ranks))\n"
        "if values == [2, 3, 4, 5, 14]:\n"
        "    return True\n"
        "return len(values) == 5 and values[-1] - values[0] == 4",
    ),
    Task(
        "email_domain_allowed", "(email: str, allowed: list[str]) -> bool",
        "Return True if the domain of an email address is one of the allowed "
        "domains or a subdomain of one of them, compared case-insensitively.",
        [("email_domain_allowed('ann@corp.com', ['corp.com'])", "True"),
         ("email_domain_allowed('bob@gmail.com', ['corp.com'])", "False")],
        [("email_domain_allowed('cy@EU.Corp.com', ['corp.com'])", "True"),
         ("email_domain_allowed('dan@notcorp.com', ['corp.com'])", "False"),
         ("email_domain_allowed('x@a.io', [])", "False"),
         ("email_domain_allowed('eve@lab.org', ['corp.com', 'LAB.ORG'])", "True")],
        "domain = email.rpartition('@')[2].lower()\n"
        "return any(domain == d.lower() or domain.endswith('.' + d.lower()) for d in allowed)",
        arrow=True,
    ),
    Task(
        "password_expired", "(last_changed: str, today: str, max_age_days: int = 90) -> bool",
        "Return True if a password last changed on the ISO date last_changed is "
        "more than max_age_days days old on the ISO date today.",
        [("password_expired('2024-01-01', '2024-04-15')", "True"),
         ("password_expired('2024-03-01', '2024-04-15')", "False")],
        [("password_expired('2024-01-01', '2024-03-31')", "False"),
         ("password_expired('2024-01-01', '2024-04-01')", "True"),
         ("password_expired('2023-12-01', '2024-01-01', 30)", "True")],
        "from datetime import date\n"
        "age = date.fromisoformat(today) - date.fromisoformat(last_changed)\n"
        "return age.days > max_age_days",
    ),
    Task(
        "valid_coordinates", "(lat, lon) -> bool",
        "Check a latitude and longitude entered in a map form: the latitude "
        "must be between -90 and 90 and the longitude between -180 and 180, "
        "ends included.",
        [("valid_coordinates(51.5, -0.12)", "True"), ("valid_coordinates(91, 10)", "False")],
        [("valid_coordinates(-90, 180)", "True"), ("valid_coordinates(0, -180.5)", "False"),
         ("valid_coordinates(45, 200)", "False"), ("valid_coordinates(0, 0)", "True")],
        "return -90 <= lat <= 90 and -180 <= lon <= 180",
        arrow=True,
    ),
    Task(
        "fits_upload_limit", "(size_bytes: int, limit_mb: int = 10) -> bool",
        "Return True if a file of size_bytes bytes may be uploaded under a limit "
        "of limit_mb megabytes, where a megabyte is 1024 * 1024 bytes.",
        [("fits_upload_limit(5000000)", "True"), ("fits_upload_limit(12000000)", "False")],
        [("fits_upload_limit(10485760)", "True"), ("fits_upload_limit(10485761)", "False"),
         ("fits_upload_limit(0)", "True"), ("fits_upload_limit(3000000, 2)", "False")],
        "return size_bytes <= limit_mb * 1024 * 1024",
    ),
    Task(
        "is_blank_row", "(row: list[str]) -> bool",
        "Return True if a row read from a CSV file holds no data: every cell is "
        "empty or only whitespace.",
        [("is_blank_row(['', ' ', ''])", "True"), ("is_blank_row(['Ann', '', ''])", "False")],
        [("is_blank_row([])", "True"), ("is_blank_row(['  '])", "True"),
         ("is_blank_row(['', '0'])", "False")],
        "return all(not cell.strip() for cell in row)",
        arrow=True,
    ),
    Task(
        "is_letter_grade", "(grade) -> bool",
        "Check a school letter grade: 'A', 'B', 'C', 'D' or 'F', where A to D "
        "may be followed by '+' or '-'.",
        [("is_letter_grade('B+')", "True"), ("is_letter_grade('E')", "False")],
        [("is_letter_grade('F-')", "False"), ("is_letter_grade('C-')", "True"),
         ("is_letter_grade('a')", "False"), ("is_letter_grade('')", "False")],
        "import re\n"
        "return re.fullmatch(r'[A-D][+-]?|F', grade) is not None",
    ),
    Task(
        "is_big_price_drop", "(old_price: float, new_price: float, threshold: float = 10) -> bool",
        "Return True if a price fell by at least threshold percent of the old "
        "price, which is when the price tracker sends an alert.",
        [("is_big_price_drop(50.0, 40.0)", "True"), ("is_big_price_drop(50.0, 47.5)", "False")],
        [("is_big_price_drop(100, 90)", "True"), ("is_big_price_drop(20, 25)", "False"),
         ("is_big_price_drop(80, 60, 25)", "True"), ("is_big_price_drop(80, 61, 25)", "False")],
        "return (old_price - new_price) * 100 >= threshold * old_price",
        arrow=True,
    ),
    # ------------------------------------------------------------------ int
    Task(
        "count_code_lines", "(lines: list[str]) -> int",
        "Count the lines of code in a Python file: lines that are neither blank "
        "nor comments, a comment line being one that starts with '#' after its "
        "indentation.",
        [("count_code_lines(['import os', '', '# main', 'print(1)'])", "2"),
         ("count_code_lines([])", "0")],
        [("count_code_lines(['    # note', '    x = 1  # set x'])", "1"),
         ("count_code_lines(['   ', '#!'])", "0"), ("count_code_lines(['a', 'b', 'c'])", "3")],
        "return sum(1 for line in lines if line.strip() and not line.lstrip().startswith('#'))",
    ),
    Task(
        "score_to_par", "(strokes: list[int], pars: list[int]) -> int",
        "Return a golfer's score relative to par: the total strokes minus the "
        "total par of the holes played, negative when under par.",
        [("score_to_par([4, 3, 5], [4, 4, 5])", "-1"),
         ("score_to_par([5, 5, 4, 6], [4, 4, 4, 5])", "3")],
        [("score_to_par([], [])", "0"), ("score_to_par([3, 3], [3, 3])", "0"),
         ("score_to_par([2], [4])", "-2")],
        "return sum(strokes) - sum(pars)",
        arrow=True,
    ),
    Task(
        "count_mentions", "(message: str) -> int",
        "Count the distinct users @mentioned in a chat message. A mention is "
        "'@' followed by letters, digits or underscores, and user names are "
        "compared case-insensitively.",
        [("count_mentions('@ann can you ping @bob?')", "2"),
         ("count_mentions('thanks @Ann and @ann!')", "1")],
        [("count_mentions('')", "0"), ("count_mentions('no mentions here')", "0"),
         ("count_mentions('@dev_team @DEV_TEAM @ops1')", "2"), ("count_mentions('@')", "0")],
        "import re\n"
        "return len({name.lower() for name in re.findall(r'@(\\w+)', message)})",
    ),
    Task(
        "tiles_needed", "(width_cm, length_cm, tile_cm)",
        "Return how many square tiles cover a rectangular floor when the "
        "partial tiles at the edges are cut from whole ones and offcuts are not "
        "reused.",
        [("tiles_needed(300, 200, 50)", "24"), ("tiles_needed(310, 200, 50)", "28")],
        [("tiles_needed(50, 50, 50)", "1"), ("tiles_needed(1, 1, 30)", "1"),
         ("tiles_needed(95, 45, 30)", "8")],
        "import math\n"
        "return math.ceil(width_cm / tile_cm) * math.ceil(length_cm / tile_cm)",
        arrow=True,
    ),
    Task(
        "shift_minutes", "(shifts: list[tuple[str, str]]) -> int",
        "Return the total minutes worked over a list of shifts, each a pair of "
        "24-hour 'HH:MM' start and end times on the same day.",
        [("shift_minutes([('09:00', '12:30'), ('13:15', '17:00')])", "435"),
         ("shift_minutes([])", "0")],
        [("shift_minutes([('22:00', '23:59')])", "119"),
         ("shift_minutes([('08:05', '08:50'), ('10:00', '10:00')])", "45"),
         ("shift_minutes([('00:00', '12:00')])", "720")],
        "def minutes(hhmm):\n"
        "    hours, mins = hhmm.split(':')\n"
        "    return int(hours) * 60 + int(mins)\n"
        "return sum(minutes(end) - minutes(start) for start, end in shifts)",
    ),
    Task(
        "full_weeks_between", "(start: str, end: str) -> int",
        "Return the number of whole weeks from one ISO date to a later one, for "
        "a countdown like '3 weeks to go'.",
        [("full_weeks_between('2024-03-01', '2024-03-22')", "3"),
         ("full_weeks_between('2024-03-01', '2024-03-10')", "1")],
        [("full_weeks_between('2024-03-01', '2024-03-01')", "0"),
         ("full_weeks_between('2024-12-25', '2025-01-07')", "1"),
         ("full_weeks_between('2024-02-01', '2024-03-01')", "4")],
        "from datetime import date\n"
        "return (date.fromisoformat(end) - date.fromisoformat(start)).days // 7",
        arrow=True,
    ),
    Task(
        "first_failed_step", "(results: list[bool]) -> int",
        "Return the 1-based number of the first step of a checklist that "
        "failed, or 0 if every step passed.",
        [("first_failed_step([True, True, False, True])", "3"),
         ("first_failed_step([True, True])", "0")],
        [("first_failed_step([])", "0"), ("first_failed_step([False])", "1"),
         ("first_failed_step([True, False, False])", "2")],
        "for number, passed in enumerate(results, 1):\n"
        "    if not passed:\n"
        "        return number\n"
        "return 0",
    ),
    Task(
        "page_for_item", "(index: int, per_page: int = 20) -> int",
        "Return the 1-based page that a list item appears on, given its 0-based "
        "index and the number of items per page.",
        [("page_for_item(0)", "1"), ("page_for_item(45)", "3")],
        [("page_for_item(19)", "1"), ("page_for_item(20)", "2"),
         ("page_for_item(9, 10)", "1"), ("page_for_item(10, 10)", "2")],
        "return index // per_page + 1",
        arrow=True,
    ),
    Task(
        "day_of_year", "(iso: str) -> int",
        "Return the day of the year, 1 to 366, of an ISO date 'YYYY-MM-DD'.",
        [("day_of_year('2024-01-01')", "1"), ("day_of_year('2024-03-01')", "61")],
        [("day_of_year('2023-03-01')", "60"), ("day_of_year('2024-12-31')", "366"),
         ("day_of_year('2023-12-31')", "365")],
        "from datetime import date\n"
        "return date.fromisoformat(iso).timetuple().tm_yday",
    ),
    Task(
        "knockout_rounds", "(players)",
        "Return how many rounds a single-elimination tournament needs for the "
        "given number of players, with byes when the number is not a power of "
        "two.",
        [("knockout_rounds(8)", "3"), ("knockout_rounds(10)", "4")],
        [("knockout_rounds(1)", "0"), ("knockout_rounds(2)", "1"),
         ("knockout_rounds(16)", "4"), ("knockout_rounds(17)", "5")],
        "rounds = 0\n"
        "while 2 ** rounds < players:\n"
        "    rounds += 1\n"
        "return rounds",
        arrow=True,
    ),
    Task(
        "votes_needed", "(total_votes: int) -> int",
        "Return the smallest number of votes that is a strict majority of "
        "total_votes.",
        [("votes_needed(10)", "6"), ("votes_needed(7)", "4")],
        [("votes_needed(1)", "1"), ("votes_needed(2)", "2"), ("votes_needed(99)", "50"),
         ("votes_needed(100)", "51")],
        "return total_votes // 2 + 1",
    ),
    Task(
        "invoice_total_cents", "(lines: list[dict]) -> int",
        "Return an invoice's total in cents: the sum over its lines of 'qty' "
        "times 'unit_cents'.",
        [("invoice_total_cents([{'qty': 2, 'unit_cents': 499}, {'qty': 1, 'unit_cents': 1500}])",
          "2498"),
         ("invoice_total_cents([])", "0")],
        [("invoice_total_cents([{'qty': 0, 'unit_cents': 999}])", "0"),
         ("invoice_total_cents([{'qty': 3, 'unit_cents': 1}])", "3"),
         ("invoice_total_cents([{'qty': 10, 'unit_cents': 250}, {'qty': 1, 'unit_cents': -500}])",
          "2000")],
        "return sum(line['qty'] * line['unit_cents'] for line in lines)",
        arrow=True,
    ),
    Task(
        "leap_years_between", "(start: int, end: int) -> int",
        "Count the leap years from start to end, both included, under the "
        "Gregorian rules.",
        [("leap_years_between(2000, 2010)", "3"), ("leap_years_between(1896, 1904)", "2")],
        [("leap_years_between(2001, 2003)", "0"), ("leap_years_between(2024, 2024)", "1"),
         ("leap_years_between(1600, 2000)", "98")],
        "import calendar\n"
        "return calendar.leapdays(start, end + 1)",
    ),
    Task(
        "disk_usage", "(sizes: list[int], block: int = 4096) -> int",
        "Return the disk space in bytes that files of the given sizes take when "
        "each is stored in whole blocks of block bytes; an empty file takes no "
        "space.",
        [("disk_usage([100, 5000])", "12288"), ("disk_usage([0])", "0")],
        [("disk_usage([])", "0"), ("disk_usage([4096])", "4096"),
         ("disk_usage([1, 1, 1], 512)", "1536"), ("disk_usage([4097])", "8192")],
        "return sum(-(-size // block) * block for size in sizes)",
        arrow=True,
    ),
    # ---------------------------------------------------------------- float
    Task(
        "mpg_to_l100km", "(mpg: float) -> float",
        "Convert fuel economy from US miles per gallon to litres per 100 km, "
        "which is 235.215 divided by mpg, rounded to one decimal.",
        [("mpg_to_l100km(30)", "7.8"), ("mpg_to_l100km(50)", "4.7")],
        [("mpg_to_l100km(23.5)", "10.0"), ("mpg_to_l100km(100)", "2.4"),
         ("mpg_to_l100km(10)", "23.5")],
        "return round(235.215 / mpg, 1)",
    ),
    Task(
        "lb_to_kg", "(pounds) -> float",
        "Convert a weight in pounds to kilograms (1 lb is 0.45359237 kg), "
        "rounded to two decimals.",
        [("lb_to_kg(10)", "4.54"), ("lb_to_kg(2.2)", "1.0")],
        [("lb_to_kg(0)", "0.0"), ("lb_to_kg(150)", "68.04"), ("lb_to_kg(-5)", "-2.27")],
        "return round(pounds * 0.45359237, 2)",
        arrow=True,
    ),
    Task(
        "payout_after_fees", "(amount: float) -> float",
        "Return what a merchant receives from a card payment after the "
        "processor's fee of 2.9% plus 0.30, rounded to cents.",
        [("payout_after_fees(100)", "96.8"), ("payout_after_fees(10)", "9.41")],
        [("payout_after_fees(0)", "-0.3"), ("payout_after_fees(1)", "0.67"),
         ("payout_after_fees(59.99)", "57.95")],
        "return round(amount - amount * 0.029 - 0.30, 2)",
    ),
    Task(
        "hourly_from_salary", "(annual_salary: float, hours_per_week: float = 40) -> float",
        "Return the hourly rate that matches an annual salary, assuming 52 "
        "working weeks a year, rounded to cents.",
        [("hourly_from_salary(52000)", "25.0"), ("hourly_from_salary(60000, 37.5)", "30.77")],
        [("hourly_from_salary(0)", "0.0"), ("hourly_from_salary(31200, 20)", "30.0"),
         ("hourly_from_salary(45000)", "21.63")],
        "return round(annual_salary / (52 * hours_per_week), 2)",
        arrow=True,
    ),
    Task(
        "charging_cost",
        "(battery_kwh: float, from_percent: float, to_percent: float, price_per_kwh: float)"
        " -> float",
        "Return the cost of charging an electric car whose battery holds "
        "battery_kwh from one charge level to another, both in percent, "
        "rounded to cents.",
        [("charging_cost(60, 20, 80, 0.3)", "10.8"), ("charging_cost(75, 10, 90, 0.4)", "24.0")],
        [("charging_cost(50, 80, 80, 0.5)", "0.0"), ("charging_cost(40, 0, 100, 0.25)", "10.0"),
         ("charging_cost(64, 35, 90, 0.32)", "11.26")],
        "return round(battery_kwh * (to_percent - from_percent) / 100 * price_per_kwh, 2)",
    ),
    Task(
        "floor_area", "(rooms: list[tuple[float, float]]) -> float",
        "Return the total floor area in square metres of rooms given as "
        "(width, length) pairs in metres, rounded to two decimals.",
        [("floor_area([(4, 5), (3, 3.5)])", "30.5"), ("floor_area([])", "0.0")],
        [("floor_area([(2.5, 2.5)])", "6.25"), ("floor_area([(3.33, 4.1), (1, 1)])", "14.65"),
         ("floor_area([(10, 12)])", "120.0")],
        "return round(sum((width * length for width, length in rooms), 0.0), 2)",
        arrow=True,
    ),
    Task(
        "paint_needed", "(wall_area: float, coats: int = 2, coverage: float = 10) -> float",
        "Return how many litres of paint a wall needs: its area in square "
        "metres times the number of coats, divided by the coverage in square "
        "metres per litre, rounded up to the next half litre.",
        [("paint_needed(25)", "5.0"), ("paint_needed(18, 1)", "2.0")],
        [("paint_needed(0)", "0.0"), ("paint_needed(31, 2, 12)", "5.5"),
         ("paint_needed(10, 3)", "3.0")],
        "import math\n"
        "return math.ceil(wall_area * coats / coverage * 2) / 2",
    ),
    Task(
        "pace_to_speed", "(pace: str) -> float",
        "Convert a running pace 'M:SS' per kilometre into a speed in km/h, "
        "rounded to one decimal.",
        [("pace_to_speed('5:00')", "12.0"), ("pace_to_speed('4:30')", "13.3")],
        [("pace_to_speed('6:15')", "9.6"), ("pace_to_speed('10:00')", "6.0"),
         ("pace_to_speed('3:05')", "19.5")],
        "minutes, seconds = pace.split(':')\n"
        "return round(3600 / (int(minutes) * 60 + int(seconds)), 1)",
        arrow=True,
    ),
    Task(
        "tank_volume_litres", "(diameter_cm: float, height_cm: float) -> float",
        "Return the capacity in litres of a cylindrical water tank from its "
        "inside diameter and height in centimetres, rounded to one decimal.",
        [("tank_volume_litres(100, 100)", "785.4"), ("tank_volume_litres(30, 50)", "35.3")],
        [("tank_volume_litres(0, 80)", "0.0"), ("tank_volume_litres(60, 120)", "339.3"),
         ("tank_volume_litres(10, 10)", "0.8")],
        "import math\n"
        "return round(math.pi * (diameter_cm / 2) ** 2 * height_cm / 1000, 1)",
    ),
    Task(
        "triangle_area", "(a: float, b: float, c: float) -> float",
        "Return the area of a triangle from its three side lengths using "
        "Heron's formula, rounded to two decimals.",
        [("triangle_area(3, 4, 5)", "6.0"), ("triangle_area(2, 3, 4)", "2.9")],
        [("triangle_area(5, 5, 6)", "12.0"), ("triangle_area(1, 1, 1)", "0.43"),
         ("triangle_area(1, 2, 3)", "0.0"), ("triangle_area(10, 10, 10)", "43.3")],
        "import math\n"
        "s = (a + b + c) / 2\n"
        "return round(math.sqrt(s * (s - a) * (s - b) * (s - c)), 2)",
        arrow=True,
    ),
    Task(
        "electricity_bill", "(kwh: float) -> float",
        "Return a monthly electricity bill: a standing charge of 5.00 plus 0.15 "
        "per kWh for the first 100 kWh and 0.20 per kWh beyond that, rounded to "
        "cents.",
        [("electricity_bill(80)", "17.0"), ("electricity_bill(250)", "50.0")],
        [("electricity_bill(0)", "5.0"), ("electricity_bill(100)", "20.0"),
         ("electricity_bill(100.5)", "20.1"), ("electricity_bill(333.3)", "66.66")],
        "return round(5 + 0.15 * min(kwh, 100) + 0.20 * max(kwh - 100, 0), 2)",
    ),
    Task(
        "knots_to_kmh", "(knots)",
        "Convert a wind or boat speed from knots to km/h (1 knot is 1.852 "
        "km/h), rounded to one decimal.",
        [("knots_to_kmh(10)", "18.5"), ("knots_to_kmh(25)", "46.3")],
        [("knots_to_kmh(0)", "0.0"), ("knots_to_kmh(1)", "1.9"), ("knots_to_kmh(33.5)", "62.0")],
        "return round(knots * 1.852, 1)",
        arrow=True,
    ),
    # ----------------------------------------------------------------- list
    Task(
        "names_by_price", "(products: list[dict]) -> list[str]",
        "Return the product names ordered from cheapest to most expensive by "
        "their 'price', with products of equal price ordered by name.",
        [(("names_by_price([{'name': 'mug', 'price': 8.5}, {'name': 'cap', 'price': 12.0}, "
          "{'name': 'pen', 'price': 1.2}])"), "['pen', 'mug', 'cap']"),
         ("names_by_price([{'name': 'b', 'price': 5}, {'name': 'a', 'price': 5}])", "['a', 'b']")],
        [("names_by_price([])", "[]"), ("names_by_price([{'name': 'x', 'price': 0}])", "['x']"),
         (("names_by_price([{'name': 'tee', 'price': 20}, {'name': 'bag', 'price': 35}, "
          "{'name': 'hat', 'price': 20}])"), "['hat', 'tee', 'bag']")],
        "ordered = sorted(products, key=lambda product: (product['price'], product['name']))\n"
        "return [product['name'] for product in ordered]",
    ),
    Task(
        "opted_in_emails", "(users: list[dict]) -> list[str]",
        "Return the email addresses of the users whose 'newsletter' flag is "
        "true, lowercased and without duplicates, in the order first seen.",
        [(("opted_in_emails([{'email': 'Ann@x.com', 'newsletter': True}, "
          "{'email': 'bob@y.org', 'newsletter': False}])"), "['ann@x.com']"),
         ("opted_in_emails([])", "[]")],
        [("opted_in_emails([{'email': 'a@b.c'}])", "[]"),
         (("opted_in_emails([{'email': 'A@B.C', 'newsletter': True}, "
          "{'email': 'a@b.c', 'newsletter': True}])"), "['a@b.c']"),
         (("opted_in_emails([{'email': 'z@q.io', 'newsletter': True}, "
          "{'email': 'c@q.io', 'newsletter': True}])"), "['z@q.io', 'c@q.io']")],
        "emails = []\n"
        "for user in users:\n"
        "    email = user['email'].lower()\n"
        "    if user.get('newsletter') and email not in emails:\n"
        "        emails.append(email)\n"
        "return emails",
        arrow=True,
    ),
    Task(
        "pad_rows", "(rows: list[list[str]]) -> list[list[str]]",
        "Pad the rows of a table with empty strings so that every row is as "
        "long as the longest one.",
        [("pad_rows([['a', 'b', 'c'], ['d']])", "[['a', 'b', 'c'], ['d', '', '']]"),
         ("pad_rows([])", "[]")],
        [("pad_rows([['x']])", "[['x']]"), ("pad_rows([[], ['1', '2']])", "[['', ''], ['1', '2']]"),
         ("pad_rows([['a'], ['b']])", "[['a'], ['b']]")],
        "width = max((len(row) for row in rows), default=0)\n"
        "return [row + [''] * (width - len(row)) for row in rows]",
    ),
    Task(
        "month_keys", "(start: str, end: str) -> list[str]",
        "List the months from start to end, both included, as 'YYYY-MM' "
        "strings for the columns of a monthly report; start and end are "
        "'YYYY-MM' strings too.",
        [("month_keys('2024-11', '2025-02')", "['2024-11', '2024-12', '2025-01', '2025-02']"),
         ("month_keys('2024-05', '2024-05')", "['2024-05']")],
        [("month_keys('2024-06', '2024-05')", "[]"),
         ("month_keys('2023-01', '2023-03')", "['2023-01', '2023-02', '2023-03']"),
         ("month_keys('1999-12', '2000-01')", "['1999-12', '2000-01']")],
        "year, month = map(int, start.split('-'))\n"
        "keys = []\n"
        "while f'{year:04d}-{month:02d}' <= end:\n"
        "    keys.append(f'{year:04d}-{month:02d}')\n"
        "    year, month = (year + 1, 1) if month == 12 else (year, month + 1)\n"
        "return keys",
        arrow=True,
    ),
    Task(
        "changed_line_numbers", "(old: list[str], new: list[str]) -> list[int]",
        "Return the 1-based numbers of the lines that differ between two "
        "versions of a file, compared position by position; a line that only "
        "one version has counts as changed.",
        [("changed_line_numbers(['a', 'b', 'c'], ['a', 'B', 'c'])", "[2]"),
         ("changed_line_numbers(['x'], ['x', 'y', 'z'])", "[2, 3]")],
        [("changed_line_numbers([], [])", "[]"), ("changed_line_numbers(['a', 'b'], [])", "[1, 2]"),
         ("changed_line_numbers(['1', '2', '3'], ['1', '2', '3'])", "[]")],
        "from itertools import zip_longest\n"
        "pairs = zip_longest(old, new)\n"
        "return [number for number, (a, b) in enumerate(pairs, 1) if a != b]",
    ),
    Task(
        "overdue_invoice_ids", "(invoices: list[dict], today: str) -> list[str]",
        "Return the ids of the unpaid invoices whose ISO 'due' date is before "
        "today, in their original order.",
        [(("overdue_invoice_ids([{'id': 'INV-1', 'due': '2024-05-01', 'paid': False}, "
          "{'id': 'INV-2', 'due': '2024-06-30', 'paid': False}], '2024-06-01')"), "['INV-1']"),
         (("overdue_invoice_ids([{'id': 'INV-3', 'due': '2024-01-10', 'paid': True}], "
          "'2024-06-01')"), "[]")],
        [("overdue_invoice_ids([], '2024-01-01')", "[]"),
         ("overdue_invoice_ids([{'id': 'A', 'due': '2024-06-01', 'paid': False}], '2024-06-01')",
          "[]"),
         (("overdue_invoice_ids([{'id': 'B', 'due': '2023-12-31', 'paid': False}, "
          "{'id': 'C', 'due': '2024-01-02', 'paid': False}], '2024-03-01')"), "['B', 'C']")],
        "return [invoice['id'] for invoice in invoices\n"
        "        if not invoice['paid'] and invoice['due'] < today]",
        arrow=True,
    ),
    Task(
        "bucket_counts", "(values: list[int], size: int) -> list[int]",
        "Count non-negative values into histogram buckets of the given size "
        "starting at 0 (0 to size-1, size to 2*size-1, and so on), returning "
        "one count per bucket up to the bucket of the largest value.",
        [("bucket_counts([3, 12, 15, 7, 28], 10)", "[2, 2, 1]"), ("bucket_counts([], 5)", "[]")],
        [("bucket_counts([0], 10)", "[1]"), ("bucket_counts([5, 25], 10)", "[1, 0, 1]"),
         ("bucket_counts([9, 10, 19, 20], 10)", "[1, 2, 1]")],
        "if not values:\n"
        "    return []\n"
        "counts = [0] * (max(values) // size + 1)\n"
        "for value in values:\n"
        "    counts[value // size] += 1\n"
        "return counts",
    ),
    Task(
        "on_call_rota", "(people, weeks) -> list[str]",
        "Return who is on call in each of the coming weeks, taking the people "
        "in turn and starting again from the first after the last.",
        [("on_call_rota(['ann', 'bob', 'cy'], 5)", "['ann', 'bob', 'cy', 'ann', 'bob']"),
         ("on_call_rota(['dee'], 2)", "['dee', 'dee']")],
        [("on_call_rota(['a', 'b'], 0)", "[]"), ("on_call_rota(['x', 'y', 'z'], 3)", "['x', 'y', 'z']"),
         ("on_call_rota(['p', 'q'], 3)", "['p', 'q', 'p']")],
        "return [people[week % len(people)] for week in range(weeks)]",
        arrow=True,
    ),
    Task(
        "fixtures", "(teams: list[str]) -> list[tuple[str, str]]",
        "Return every pairing of teams for a league in which each team plays "
        "every other team once, following the order of the team list.",
        [("fixtures(['Ajax', 'PSV', 'Feyenoord'])",
          "[('Ajax', 'PSV'), ('Ajax', 'Feyenoord'), ('PSV', 'Feyenoord')]"),
         ("fixtures(['A', 'B'])", "[('A', 'B')]")],
        [("fixtures([])", "[]"), ("fixtures(['solo'])", "[]"),
         ("fixtures(['a', 'b', 'c', 'd'])",
          "[('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')]")],
        "from itertools import combinations\n"
        "return list(combinations(teams, 2))",
    ),
    Task(
        "seat_labels", "(rows: int, seats_per_row: int) -> list[str]",
        "Label the seats of a small theatre: rows are lettered from 'A' and "
        "seats numbered from 1, listed row by row, like 'A1', 'A2', 'B1'.",
        [("seat_labels(2, 3)", "['A1', 'A2', 'A3', 'B1', 'B2', 'B3']"),
         ("seat_labels(1, 1)", "['A1']")],
        [("seat_labels(0, 5)", "[]"), ("seat_labels(3, 1)", "['A1', 'B1', 'C1']"),
         ("seat_labels(1, 12)",
          "['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12']")],
        "import string\n"
        "return [f'{string.ascii_uppercase[row]}{seat}'\n"
        "        for row in range(rows) for seat in range(1, seats_per_row + 1)]",
        arrow=True,
    ),
    Task(
        "backups_to_delete", "(files: list[str], keep: int = 3) -> list[str]",
        "Given backup file names like 'backup-2024-05-01.tar.gz', return the "
        "ones to delete so that only the keep newest remain, oldest first.",
        [(("backups_to_delete(['backup-2024-05-03.tar.gz', 'backup-2024-05-01.tar.gz', "
          "'backup-2024-05-04.tar.gz', 'backup-2024-05-02.tar.gz'])"),
          "['backup-2024-05-01.tar.gz']"),
         ("backups_to_delete(['backup-2024-01-01.tar.gz'], 1)", "[]")],
        [("backups_to_delete([])", "[]"),
         ("backups_to_delete(['backup-2024-01-02.tar.gz', 'backup-2023-12-30.tar.gz'], 0)",
          "['backup-2023-12-30.tar.gz', 'backup-2024-01-02.tar.gz']"),
         (("backups_to_delete(['backup-2024-03-01.tar.gz', 'backup-2024-02-01.tar.gz', "
          "'backup-2024-01-01.tar.gz'], 1)"),
          "['backup-2024-01-01.tar.gz', 'backup-2024-02-01.tar.gz']")],
        "ordered = sorted(files)\n"
        "return ordered[:max(len(ordered) - keep, 0)]",
    ),
    Task(
        "hosts_in_subnet", "(addresses: list[str], network: str) -> list[str]",
        "Return the IPv4 addresses from the list that belong to a network "
        "written in CIDR notation such as '10.0.0.0/8', in their original "
        "order.",
        [("hosts_in_subnet(['10.1.2.3', '192.168.1.5', '10.255.0.1'], '10.0.0.0/8')",
          "['10.1.2.3', '10.255.0.1']"),
         ("hosts_in_subnet(['192.168.1.5'], '192.168.0.0/24')", "[]")],
        [("hosts_in_subnet([], '0.0.0.0/0')", "[]"),
         ("hosts_in_subnet(['1.2.3.4', '8.8.8.8'], '0.0.0.0/0')", "['1.2.3.4', '8.8.8.8']"),
         ("hosts_in_subnet(['172.16.5.4', '172.32.0.1'], '172.16.0.0/12')", "['172.16.5.4']")],
        "import ipaddress\n"
        "net = ipaddress.ip_network(network)\n"
        "return [address for address in addresses if ipaddress.ip_address(address) in net]",
        arrow=True,
    ),
    Task(
        "rows_to_records", "(header: list[str], rows: list[list[str]]) -> list[dict[str, str]]",
        "Turn CSV rows into dictionaries keyed by the column names of the "
        "header; cells missing at the end of a short row become empty strings.",
        [("rows_to_records(['name', 'age'], [['Ann', '31'], ['Bob', '27']])",
          "[{'name': 'Ann', 'age': '31'}, {'name': 'Bob', 'age': '27'}]"),
         ("rows_to_records(['id', 'tag'], [['7']])", "[{'id': '7', 'tag': ''}]")],
        [("rows_to_records(['a'], [])", "[]"),
         ("rows_to_records(['x', 'y', 'z'], [['1', '2', '3'], []])",
          "[{'x': '1', 'y': '2', 'z': '3'}, {'x': '', 'y': '', 'z': ''}]"),
         ("rows_to_records(['k'], [['v']])", "[{'k': 'v'}]")],
        "return [{name: row[i] if i < len(row) else '' for i, name in enumerate(header)}\n"
        "        for row in rows]",
        arrow=True,
    ),
    Task(
        "price_alerts", "(prices: dict[str, float], targets: dict[str, float]) -> list[str]",
        "Return, sorted by name, the products whose current price is at or "
        "below the target price a user set for them; products without a target "
        "or without a current price are ignored.",
        [("price_alerts({'tv': 399.0, 'phone': 650.0}, {'tv': 400.0, 'phone': 600.0})", "['tv']"),
         ("price_alerts({'mouse': 25.0}, {})", "[]")],
        [("price_alerts({}, {'x': 1.0})", "[]"),
         ("price_alerts({'b': 10.0, 'a': 10.0}, {'a': 10.0, 'b': 12.5})", "['a', 'b']"),
         ("price_alerts({'lamp': 30.0}, {'lamp': 29.99})", "[]")],
        "return sorted(name for name, target in targets.items()\n"
        "              if name in prices and prices[name] <= target)",
        arrow=True,
    ),
    Task(
        "weekly_totals", "(daily: list[int]) -> list[int]",
        "Sum daily step counts into weekly totals, seven days to a week "
        "starting from the first day; a final incomplete week is summed too.",
        [("weekly_totals([3000, 4000, 5000, 6000, 7000, 8000, 9000, 1000, 2000])",
          "[42000, 3000]"),
         ("weekly_totals([])", "[]")],
        [("weekly_totals([5])", "[5]"),
         ("weekly_totals([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])", "[7, 7]"),
         ("weekly_totals([0, 0, 0, 0, 0, 0, 0])", "[0]")],
        "return [sum(daily[i:i + 7]) for i in range(0, len(daily), 7)]",
    ),
    # ------------------------------------------------------------------ set
    Task(
        "mutual_friends", "(friends: dict[int, list[int]], a: int, b: int) -> set[int]",
        "Return the ids of the friends that users a and b have in common, given "
        "each user's list of friend ids; a user missing from friends has no "
        "friends yet.",
        [("mutual_friends({1: [2, 3, 4], 5: [3, 4, 6]}, 1, 5)", "{3, 4}"),
         ("mutual_friends({1: [2]}, 1, 9)", "set()")],
        [("mutual_friends({}, 1, 2)", "set()"), ("mutual_friends({1: [7, 8], 2: [8, 7]}, 1, 2)", "{7, 8}"),
         ("mutual_friends({1: [2, 3], 2: [1, 3]}, 1, 2)", "{3}")],
        "return set(friends.get(a, [])) & set(friends.get(b, []))",
        arrow=True,
    ),
    # ----------------------------------------------------------------- dict
    Task(
        "signups_by_domain", "(emails: list[str]) -> dict[str, int]",
        "Count sign-ups per email domain for a marketing report, with the "
        "domains lowercased.",
        [("signups_by_domain(['ann@gmail.com', 'bob@Gmail.com', 'cy@work.io'])",
          "{'gmail.com': 2, 'work.io': 1}"),
         ("signups_by_domain([])", "{}")],
        [("signups_by_domain(['x@a.org'])", "{'a.org': 1}"),
         ("signups_by_domain(['a@b.c', 'd@e.f', 'g@B.C'])", "{'b.c': 2, 'e.f': 1}"),
         ("signups_by_domain(['first.last@Mail.Example.com'])", "{'mail.example.com': 1}")],
        "counts = {}\n"
        "for email in emails:\n"
        "    domain = email.rpartition('@')[2].lower()\n"
        "    counts[domain] = counts.get(domain, 0) + 1\n"
        "return counts",
    ),
    Task(
        "header_params", "(value: str) -> dict[str, str]",
        "Parse the parameters of a header value such as 'text/html; "
        "charset=utf-8' into a dict, skipping the main value before the first "
        "';'. Parameter names are lowercased and quotes around values are "
        "removed.",
        [("header_params('text/html; charset=UTF-8')", "{'charset': 'UTF-8'}"),
         ("header_params('attachment; filename=\"report.pdf\"; size=1024')",
          "{'filename': 'report.pdf', 'size': '1024'}")],
        [("header_params('application/json')", "{}"),
         ("header_params('text/plain;Charset=us-ascii')", "{'charset': 'us-ascii'}"),
         ("header_params('form-data; name=\"file\" ;  filename=\"a b.txt\"')",
          "{'name': 'file', 'filename': 'a b.txt'}")],
        "params = {}\n"
        "for part in value.split(';')[1:]:\n"
        "    name, _, param = part.partition('=')\n"
        "    params[name.strip().lower()] = param.strip().strip('\"')\n"
        "return params",
        arrow=True,
    ),
    Task(
        "remaining_stock", "(stock: dict[str, int], sold: dict[str, int]) -> dict[str, int]",
        "Return the stock left after a day's sales: each item's quantity minus "
        "what was sold of it, leaving out the items that sold out.",
        [("remaining_stock({'mug': 10, 'tee': 3}, {'tee': 3, 'mug': 4})", "{'mug': 6}"),
         ("remaining_stock({'pen': 5}, {})", "{'pen': 5}")],
        [("remaining_stock({}, {})", "{}"),
         ("remaining_stock({'a': 1, 'b': 2}, {'a': 1, 'b': 2})", "{}"),
         ("remaining_stock({'cap': 7, 'bag': 2}, {'cap': 1})", "{'cap': 6, 'bag': 2}")],
        "left = {item: qty - sold.get(item, 0) for item, qty in stock.items()}\n"
        "return {item: qty for item, qty in left.items() if qty > 0}",
    ),
    Task(
        "files_by_extension", "(filenames: list[str]) -> dict[str, list[str]]",
        "Group file names by their lowercased extension, the part after the "
        "last dot, keeping the original order within each group; names without "
        "an extension go under ''.",
        [("files_by_extension(['a.txt', 'b.PNG', 'c.txt'])",
          "{'txt': ['a.txt', 'c.txt'], 'png': ['b.PNG']}"),
         ("files_by_extension([])", "{}")],
        [("files_by_extension(['Makefile'])", "{'': ['Makefile']}"),
         ("files_by_extension(['x.tar.gz', 'y.gz'])", "{'gz': ['x.tar.gz', 'y.gz']}"),
         ("files_by_extension(['README', 'setup.py', 'LICENSE'])",
          "{'': ['README', 'LICENSE'], 'py': ['setup.py']}")],
        "groups = {}\n"
        "for name in filenames:\n"
        "    _, dot, ext = name.rpartition('.')\n"
        "    groups.setdefault(ext.lower() if dot else '', []).append(name)\n"
        "return groups",
        arrow=True,
    ),
    Task(
        "pass_or_fail", "(scores: dict[str, int], pass_mark: int = 50) -> dict[str, str]",
        "Mark each student 'pass' or 'fail' depending on whether their score "
        "reaches the pass mark.",
        [("pass_or_fail({'ann': 72, 'bob': 41})", "{'ann': 'pass', 'bob': 'fail'}"),
         ("pass_or_fail({'cy': 50})", "{'cy': 'pass'}")],
        [("pass_or_fail({})", "{}"),
         ("pass_or_fail({'dee': 59, 'eve': 60}, 60)", "{'dee': 'fail', 'eve': 'pass'}"),
         ("pass_or_fail({'x': 0})", "{'x': 'fail'}")],
        "return {name: 'pass' if score >= pass_mark else 'fail' for name, score in scores.items()}",
    ),
    Task(
        "as_percentages", "(counts: dict[str, int]) -> dict[str, float]",
        "Turn vote counts into percentages of their total, rounded to one "
        "decimal, for a poll results page; every percentage is 0.0 when the "
        "total is zero.",
        [("as_percentages({'yes': 30, 'no': 10})", "{'yes': 75.0, 'no': 25.0}"),
         ("as_percentages({'a': 1, 'b': 2})", "{'a': 33.3, 'b': 66.7}")],
        [("as_percentages({})", "{}"), ("as_percentages({'x': 0, 'y': 0})", "{'x': 0.0, 'y': 0.0}"),
         ("as_percentages({'only': 7})", "{'only': 100.0}")],
        "total = sum(counts.values())\n"
        "return {key: round(count * 100 / total, 1) if total else 0.0\n"
        "        for key, count in counts.items()}",
        arrow=True,
    ),
    Task(
        "last_seen_by_user", "(events) -> dict[str, str]",
        "Return, for each user in a list of events with 'user' and ISO 'time' "
        "fields, the time of that user's latest event.",
        [(("last_seen_by_user([{'user': 'ann', 'time': '2024-05-01T10:00'}, "
          "{'user': 'bob', 'time': '2024-05-01T09:00'}, "
          "{'user': 'ann', 'time': '2024-05-02T08:30'}])"),
          "{'ann': '2024-05-02T08:30', 'bob': '2024-05-01T09:00'}"),
         ("last_seen_by_user([])", "{}")],
        [("last_seen_by_user([{'user': 'cy', 'time': '2024-01-01T00:00'}])",
          "{'cy': '2024-01-01T00:00'}"),
         (("last_seen_by_user([{'user': 'x', 'time': '2024-03-02T00:00'}, "
          "{'user': 'x', 'time': '2024-03-01T23:59'}])"), "{'x': '2024-03-02T00:00'}"),
         (("last_seen_by_user([{'user': 'a', 'time': '2024-01-01T10:00'}, "
          "{'user': 'b', 'time': '2024-01-01T10:00'}])"),
          "{'a': '2024-01-01T10:00', 'b': '2024-01-01T10:00'}")],
        "latest = {}\n"
        "for event in events:\n"
        "    if event['time'] > latest.get(event['user'], ''):\n"
        "        latest[event['user']] = event['time']\n"
        "return latest",
    ),
    Task(
        "settle_up", "(paid: dict[str, float]) -> dict[str, float]",
        "Split shared expenses equally: given what each person paid, return "
        "how much each one is owed (positive) or owes (negative) compared with "
        "an equal share, rounded to cents.",
        [("settle_up({'ann': 60.0, 'bob': 30.0, 'cy': 0.0})",
          "{'ann': 30.0, 'bob': 0.0, 'cy': -30.0}"),
         ("settle_up({'dee': 25.0, 'eve': 75.0})", "{'dee': -25.0, 'eve': 25.0}")],
        [("settle_up({})", "{}"), ("settle_up({'solo': 12.5})", "{'solo': 0.0}"),
         ("settle_up({'a': 10, 'b': 0, 'c': 0})", "{'a': 6.67, 'b': -3.33, 'c': -3.33}")],
        "if not paid:\n"
        "    return {}\n"
        "share = sum(paid.values()) / len(paid)\n"
        "return {name: round(amount - share, 2) for name, amount in paid.items()}",
        arrow=True,
    ),
    Task(
        "parse_request_line", "(line: str) -> dict[str, str]",
        "Parse the request line of an HTTP request, like 'GET /index.html "
        "HTTP/1.1', into its 'method', 'path' and 'version'.",
        [("parse_request_line('GET /index.html HTTP/1.1')",
          "{'method': 'GET', 'path': '/index.html', 'version': 'HTTP/1.1'}"),
         ("parse_request_line('POST /api/login?next=%2F HTTP/2')",
          "{'method': 'POST', 'path': '/api/login?next=%2F', 'version': 'HTTP/2'}")],
        [("parse_request_line('DELETE /items/42 HTTP/1.0')",
          "{'method': 'DELETE', 'path': '/items/42', 'version': 'HTTP/1.0'}"),
         ("parse_request_line('OPTIONS * HTTP/1.1')",
          "{'method': 'OPTIONS', 'path': '*', 'version': 'HTTP/1.1'}"),
         ("parse_request_line('GET / HTTP/1.1')",
          "{'method': 'GET', 'path': '/', 'version': 'HTTP/1.1'}")],
        "method, path, version = line.split()\n"
        "return {'method': method, 'path': path, 'version': version}",
    ),
    Task(
        "toggle_flag", "(settings, name) -> dict[str, bool]",
        "Return a copy of a settings dict with the named on/off setting "
        "switched; a setting that is missing counts as off, so it becomes "
        "True. The original dict is left unchanged.",
        [("toggle_flag({'dark_mode': False, 'beta': True}, 'dark_mode')",
          "{'dark_mode': True, 'beta': True}"),
         ("toggle_flag({}, 'sounds')", "{'sounds': True}")],
        [("toggle_flag({'a': True}, 'a')", "{'a': False}"),
         ("toggle_flag({'x': True}, 'y')", "{'x': True, 'y': True}"),
         ("(lambda s: (toggle_flag(s, 'a'), s))({'a': True})", "({'a': False}, {'a': True})")],
        "updated = dict(settings)\n"
        "updated[name] = not settings.get(name, False)\n"
        "return updated",
        arrow=True,
    ),
    # ------------------------------------------------------------- Optional
    Task(
        "next_departure", "(now: str, departures: list[str]) -> str | None",
        "Return the first departure at or after now from a timetable of "
        "24-hour 'HH:MM' times in any order, or None when the last one has "
        "gone.",
        [("next_departure('08:10', ['07:45', '08:15', '08:45'])", "'08:15'"),
         ("next_departure('23:00', ['07:45', '22:30'])", "None")],
        [("next_departure('08:15', ['08:15', '09:00'])", "'08:15'"),
         ("next_departure('00:00', [])", "None"),
         ("next_departure('12:00', ['13:30', '12:45'])", "'12:45'")],
        "later = [time for time in departures if time >= now]\n"
        "return min(later) if later else None",
        arrow=True,
    ),
    Task(
        "parse_scoreline", "(text: str) -> tuple[int, int] | None",
        "Parse a football score typed like '2-1' or '2 - 1' into a (home, "
        "away) pair of goals, or return None if the text is not a score.",
        [("parse_scoreline('2-1')", "(2, 1)"), ("parse_scoreline('abc')", "None")],
        [("parse_scoreline('0 - 0')", "(0, 0)"), ("parse_scoreline('10-9')", "(10, 9)"),
         ("parse_scoreline('3-')", "None"), ("parse_scoreline('1-2-3')", "None")],
        "import re\n"
        "match = re.fullmatch(r'\\s*(\\d+)\\s*-\\s*(\\d+)\\s*', text)\n"
        "return (int(match[1]), int(match[2])) if match else None",
        arrow=True,
    ),
    Task(
        "order_number_from_subject", "(subject: str) -> str | None",
        "Find the order number in the subject line of a customer email: '#' "
        "followed by five or more digits. Return the digits of the first one, "
        "or None if there is none.",
        [("order_number_from_subject('Re: Where is my order #104522?')", "'104522'"),
         ("order_number_from_subject('Question about delivery')", "None")],
        [("order_number_from_subject('Order #123 and #99999')", "'99999'"),
         ("order_number_from_subject('#00042 missing item')", "'00042'"),
         ("order_number_from_subject('Refund for 1234567')", "None"),
         ("order_number_from_subject('orders #55555, #66666')", "'55555'")],
        "import re\n"
        "match = re.search(r'#(\\d{5,})', subject)\n"
        "return match[1] if match else None",
        arrow=True,
    ),
    Task(
        "loyalty_tier", "(points: int) -> str | None",
        "Return a customer's loyalty tier for their points: 'gold' from 1000, "
        "'silver' from 500, 'bronze' from 100, and None below 100.",
        [("loyalty_tier(750)", "'silver'"), ("loyalty_tier(40)", "None")],
        [("loyalty_tier(100)", "'bronze'"), ("loyalty_tier(1000)", "'gold'"),
         ("loyalty_tier(999)", "'silver'"), ("loyalty_tier(0)", "None")],
        "for threshold, tier in ((1000, 'gold'), (500, 'silver'), (100, 'bronze')):\n"
        "    if points >= threshold:\n"
        "        return tier\n"
        "return None",
        arrow=True,
    ),
    Task(
        "cheapest_available", "(products: list[dict]) -> str | None",
        "Return the name of the cheapest product that is in stock (its 'stock' "
        "is above 0), or None if nothing is in stock.",
        [(("cheapest_available([{'name': 'A', 'price': 9.5, 'stock': 0}, "
          "{'name': 'B', 'price': 12.0, 'stock': 3}, {'name': 'C', 'price': 15.0, 'stock': 1}])"),
          "'B'"),
         ("cheapest_available([])", "None")],
        [("cheapest_available([{'name': 'X', 'price': 1.0, 'stock': 0}])", "None"),
         (("cheapest_available([{'name': 'P', 'price': 5, 'stock': 2}, "
          "{'name': 'Q', 'price': 4.99, 'stock': 1}])"), "'Q'"),
         ("cheapest_available([{'name': 'only', 'price': 0, 'stock': 10}])", "'only'")],
        "in_stock = [product for product in products if product['stock'] > 0]\n"
        "if not in_stock:\n"
        "    return None\n"
        "return min(in_stock, key=lambda product: product['price'])['name']",
        arrow=True,
    ),
    Task(
        "offset_minutes", "(offset)",
        "Convert a UTC offset such as '+05:30' or '-08:00' into a signed number "
        "of minutes; return None when the text is not in that format.",
        [("offset_minutes('+05:30')", "330"), ("offset_minutes('-08:00')", "-480")],
        [("offset_minutes('+00:00')", "0"), ("offset_minutes('Z')", "None"),
         ("offset_minutes('5:30')", "None"), ("offset_minutes('-03:45')", "-225")],
        "import re\n"
        "match = re.fullmatch(r'([+-])(\\d\\d):(\\d\\d)', offset)\n"
        "if not match:\n"
        "    return None\n"
        "minutes = int(match[2]) * 60 + int(match[3])\n"
        "return -minutes if match[1] == '-' else minutes",
        arrow=True,
    ),
    Task(
        "runner_up", "(scores: dict[str, int]) -> str | None",
        "Return the name with the second-highest score, or None when there are "
        "fewer than two names. Names with equal scores keep the order in which "
        "they appear.",
        [("runner_up({'ann': 90, 'bob': 75, 'cy': 82})", "'cy'"), ("runner_up({'ann': 90})", "None")],
        [("runner_up({})", "None"), ("runner_up({'a': 5, 'b': 5})", "'b'"),
         ("runner_up({'x': 1, 'y': 3, 'z': 3})", "'z'")],
        "ranked = sorted(scores, key=scores.get, reverse=True)\n"
        "return ranked[1] if len(ranked) > 1 else None",
        arrow=True,
    ),
    Task(
        "menu_price", "(menu: dict[str, float], item: str) -> float | None",
        "Look up the price of a menu item, ignoring case and surrounding spaces "
        "in the item's name; None if it is not on the menu.",
        [("menu_price({'Latte': 3.2, 'Tea': 2.0}, 'latte')", "3.2"),
         ("menu_price({'Latte': 3.2}, 'mocha')", "None")],
        [("menu_price({'Flat White': 3.4}, '  flat white ')", "3.4"),
         ("menu_price({}, 'tea')", "None"),
         ("menu_price({'Tea': 2.0, 'Iced Tea': 2.8}, 'ICED TEA')", "2.8")],
        "wanted = item.strip().lower()\n"
        "for name, price in menu.items():\n"
        "    if name.lower() == wanted:\n"
        "        return price\n"
        "return None",
        arrow=True,
    ),
    # ---------------------------------------------------------------- tuple
    Task(
        "amount_and_currency", "(text: str) -> tuple[float, str]",
        "Split a price like '12.50 EUR' into its amount as a float and its "
        "currency code in uppercase.",
        [("amount_and_currency('12.50 EUR')", "(12.5, 'EUR')"),
         ("amount_and_currency('99 usd')", "(99.0, 'USD')")],
        [("amount_and_currency('0.99 gbp')", "(0.99, 'GBP')"),
         ("amount_and_currency('  1500   JPY ')", "(1500.0, 'JPY')"),
         ("amount_and_currency('-5 eur')", "(-5.0, 'EUR')")],
        "amount, currency = text.split()\n"
        "return float(amount), currency.upper()",
    ),
    Task(
        "fit_within", "(width: int, height: int, max_width: int, max_height: int) -> tuple[int, int]",
        "Return the size at which to show an image so that it fits inside "
        "max_width by max_height with its aspect ratio kept, rounded to whole "
        "pixels; images that already fit are not enlarged.",
        [("fit_within(4000, 3000, 800, 800)", "(800, 600)"),
         ("fit_within(640, 480, 1024, 768)", "(640, 480)")],
        [("fit_within(1000, 2000, 500, 500)", "(250, 500)"),
         ("fit_within(1920, 1080, 1280, 1280)", "(1280, 720)"),
         ("fit_within(300, 100, 150, 150)", "(150, 50)")],
        "scale = min(1, max_width / width, max_height / height)\n"
        "return round(width * scale), round(height * scale)",
        arrow=True,
    ),
    Task(
        "gallery_grid", "(count: int) -> tuple[int, int]",
        "Return the (rows, columns) of a photo grid for count photos: as many "
        "columns as the square root of count rounded up, and just enough rows "
        "to hold them all.",
        [("gallery_grid(9)", "(3, 3)"), ("gallery_grid(10)", "(3, 4)")],
        [("gallery_grid(1)", "(1, 1)"), ("gallery_grid(5)", "(2, 3)"),
         ("gallery_grid(17)", "(4, 5)"), ("gallery_grid(2)", "(1, 2)")],
        "import math\n"
        "columns = math.ceil(math.sqrt(count))\n"
        "return math.ceil(count / columns), columns",
    ),
    Task(
        "rect_center", "(x, y, width, height) -> tuple[float, float]",
        "Return the centre point of a rectangle given by its top-left corner "
        "and its size, for positioning a tooltip.",
        [("rect_center(0, 0, 100, 50)", "(50.0, 25.0)"), ("rect_center(10, 20, 5, 5)", "(12.5, 22.5)")],
        [("rect_center(-10, -10, 20, 20)", "(0.0, 0.0)"), ("rect_center(3, 4, 0, 0)", "(3.0, 4.0)"),
         ("rect_center(1.5, 2.5, 3, 1)", "(3.0, 3.0)")],
        "return x + width / 2, y + height / 2",
        arrow=True,
    ),
    Task(
        "withdraw", "(balance: float, amount: float) -> tuple[bool, float]",
        "Try to take amount out of an account: return (True, new balance) when "
        "the balance covers it, otherwise (False, balance) unchanged. Amounts "
        "that are not positive are refused.",
        [("withdraw(100.0, 30.0)", "(True, 70.0)"), ("withdraw(20.0, 50.0)", "(False, 20.0)")],
        [("withdraw(50.0, 50.0)", "(True, 0.0)"), ("withdraw(10.0, -5.0)", "(False, 10.0)"),
         ("withdraw(10.0, 0)", "(False, 10.0)")],
        "if 0 < amount <= balance:\n"
        "    return True, balance - amount\n"
        "return False, balance",
    ),
    Task(
        "byte_range", "(header: str, size: int) -> tuple[int, int]",
        "Parse an HTTP Range header 'bytes=start-end' for a file of size bytes "
        "into inclusive (start, end) positions. An open end, as in "
        "'bytes=500-', runs to the last byte, and an end past the file is cut "
        "to the last byte.",
        [("byte_range('bytes=0-499', 1000)", "(0, 499)"), ("byte_range('bytes=500-', 1000)", "(500, 999)")],
        [("byte_range('bytes=900-2000', 1000)", "(900, 999)"), ("byte_range('bytes=0-0', 10)", "(0, 0)"),
         ("byte_range('bytes=10-', 11)", "(10, 10)")],
        "start, _, end = header.removeprefix('bytes=').partition('-')\n"
        "last = size - 1\n"
        "return int(start), min(int(end), last) if end else last",
        arrow=True,
    ),
]


def main() -> int:
    return write_set(TASKS, BANNED, OUT, "blind7", check)


if __name__ == "__main__":
    sys.exit(main())

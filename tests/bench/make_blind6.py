"""Write tests/bench/everyday_blind6.jsonl: 100 held-out everyday tasks (the sixth set).

Each task carries a reference body. Before anything is written, every stub is
completed with its reference body and run in a fresh `python3` subprocess
against its given and hidden asserts, its docstring examples are parsed back
and compared with the given tests, and every example's expected text must be
the repr of the reference result (doctest-style stubs are also run through
doctest). The file is only written when all 100 tasks pass.

Function names avoid every name used by the earlier everyday sets, the fifth
set's tasks included (BANNED). Every task has exactly two given examples and
three or four hidden tests. Signatures without a return annotation are counted
by the type of their examples' results.

Run: python3 tests/bench/make_blind6.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# The task record (third set), the set writer (fourth set) and the check with exactly two
# examples and three or four hidden tests (fifth set).
import make_blind5
from make_blind3 import Task
from make_blind4 import write_set
from make_blind5 import check

OUT = Path(__file__).with_name("everyday_blind6.jsonl")

# Every name of the earlier sets and of the fifth set's tasks.
BANNED = make_blind5.BANNED | {task.name for task in make_blind5.TASKS}


TASKS: list[Task] = [
    # ------------------------------------------------------------------ str
    Task(
        "plural_form", "(noun: str) -> str",
        "Return the plural of an English noun by the regular spelling rules: "
        "nouns ending in 's', 'x', 'z', 'ch' or 'sh' add 'es', nouns ending in a "
        "consonant followed by 'y' change the 'y' to 'ies', and all other nouns "
        "add 's'.",
        [("plural_form('box')", "'boxes'"), ("plural_form('city')", "'cities'")],
        [("plural_form('day')", "'days'"), ("plural_form('church')", "'churches'"),
         ("plural_form('cat')", "'cats'"), ("plural_form('bus')", "'buses'")],
        "if noun.endswith(('s', 'x', 'z', 'ch', 'sh')):\n"
        "    return noun + 'es'\n"
        "if noun.endswith('y') and len(noun) > 1 and noun[-2] not in 'aeiou':\n"
        "    return noun[:-1] + 'ies'\n"
        "return noun + 's'",
        arrow=True,
    ),
    Task(
        "possessive", "(name) -> str",
        "Return the possessive form of a name: just an apostrophe when the name "
        "ends in 's' (in either case), otherwise an apostrophe and 's'.",
        [("possessive('Ann')", "\"Ann's\""), ("possessive('James')", "\"James'\"")],
        [("possessive('Chris')", "\"Chris'\""), ("possessive('BOSS')", "\"BOSS'\""),
         ("possessive('Jean-Luc')", "\"Jean-Luc's\""),
         ("possessive(\"O'Neil\")", "\"O'Neil's\"")],
        "return name + \"'\" if name.lower().endswith('s') else name + \"'s\"",
    ),
    Task(
        "sort_title", "(title: str) -> str",
        "Return the key a library catalogue sorts a book or film title by: the "
        "title lowercased, with surrounding whitespace removed and a leading "
        "article 'the', 'a' or 'an' dropped.",
        [("sort_title('The Hobbit')", "'hobbit'"),
         ("sort_title('A Tale of Two Cities')", "'tale of two cities'")],
        [("sort_title('Anatomy of a Murder')", "'anatomy of a murder'"),
         ("sort_title('  An American Tail ')", "'american tail'"),
         ("sort_title('Theory of Everything')", "'theory of everything'"),
         ("sort_title('Jaws')", "'jaws'")],
        "text = title.strip().lower()\n"
        "for article in ('the ', 'a ', 'an '):\n"
        "    if text.startswith(article):\n"
        "        return text[len(article):].lstrip()\n"
        "return text",
        arrow=True,
    ),
    Task(
        "mailto_link", "(address: str, subject: str = '') -> str",
        "Build a mailto: link for an email address. When a subject is given it "
        "is added as a '?subject=' parameter, percent-encoded so that spaces "
        "become '%20'.",
        [("mailto_link('help@shop.com')", "'mailto:help@shop.com'"),
         ("mailto_link('sales@acme.io', 'Price list')",
          "'mailto:sales@acme.io?subject=Price%20list'")],
        [("mailto_link('a@b.co', 'Q&A')", "'mailto:a@b.co?subject=Q%26A'"),
         ("mailto_link('x@y.org', '')", "'mailto:x@y.org'"),
         ("mailto_link('ops@corp.net', 'Order #42')",
          "'mailto:ops@corp.net?subject=Order%20%2342'")],
        "from urllib.parse import quote\n"
        "link = f'mailto:{address}'\n"
        "return f'{link}?subject={quote(subject)}' if subject else link",
    ),
    Task(
        "hashtag_from_phrase", "(phrase: str) -> str",
        "Turn a phrase into a hashtag: '#' followed by its words joined "
        "together, each word stripped of anything that is not a letter or digit "
        "and then written with an uppercase first letter and the rest lowercase.",
        [("hashtag_from_phrase('summer vibes')", "'#SummerVibes'"),
         ("hashtag_from_phrase('world cup 2026')", "'#WorldCup2026'")],
        [("hashtag_from_phrase(\"rock 'n' roll\")", "'#RockNRoll'"),
         ("hashtag_from_phrase('  new YEAR sale ')", "'#NewYearSale'"),
         ("hashtag_from_phrase('top 10 tips!')", "'#Top10Tips'")],
        "words = (''.join(c for c in word if c.isalnum()) for word in phrase.split())\n"
        "return '#' + ''.join(word.capitalize() for word in words)",
        arrow=True,
    ),
    Task(
        "title_from_filename", "(filename) -> str",
        "Make a readable title from a file name: drop the extension (the part "
        "after the last dot), turn underscores and hyphens into spaces, and "
        "capitalize each word.",
        [("title_from_filename('quarterly_report.pdf')", "'Quarterly Report'"),
         ("title_from_filename('my-holiday-photos.zip')", "'My Holiday Photos'")],
        [("title_from_filename('notes')", "'Notes'"),
         ("title_from_filename('budget_2024_v2.xlsx')", "'Budget 2024 V2'"),
         ("title_from_filename('meeting-notes_final.docx')", "'Meeting Notes Final'")],
        "stem, dot, _ = filename.rpartition('.')\n"
        "name = stem if dot else filename\n"
        "words = name.replace('_', ' ').replace('-', ' ').split()\n"
        "return ' '.join(word.capitalize() for word in words)",
    ),
    Task(
        "task_line", "(title: str, done: bool) -> str",
        "Format a to-do item as a line of a Markdown task list: '- [x] ' before "
        "the title when it is done, '- [ ] ' when it is not.",
        [("task_line('Buy milk', False)", "'- [ ] Buy milk'"),
         ("task_line('Pay rent', True)", "'- [x] Pay rent'")],
        [("task_line('', True)", "'- [x] '"),
         ("task_line('Call mom', False)", "'- [ ] Call mom'"),
         ("task_line('Ship v2.0 [beta]', True)", "'- [x] Ship v2.0 [beta]'")],
        "return f\"- [{'x' if done else ' '}] {title}\"",
    ),
    Task(
        "star_rating", "(stars: int, out_of: int = 5) -> str",
        "Draw a rating as stars for a product page: stars filled stars '★' "
        "followed by empty stars '☆', out_of symbols in all.",
        [("star_rating(3)", "'★★★☆☆'"), ("star_rating(7, 10)", "'★★★★★★★☆☆☆'")],
        [("star_rating(0)", "'☆☆☆☆☆'"), ("star_rating(5)", "'★★★★★'"),
         ("star_rating(1, 3)", "'★☆☆'")],
        "return '★' * stars + '☆' * (out_of - stars)",
        arrow=True,
    ),
    Task(
        "mime_type", "(filename: str) -> str",
        "Guess the Content-Type of a download from its file extension, in any "
        "case: 'html' is 'text/html', 'css' 'text/css', 'js' 'text/javascript', "
        "'json' 'application/json', 'png' 'image/png', 'jpg' and 'jpeg' "
        "'image/jpeg', and 'pdf' 'application/pdf'. Anything else is "
        "'application/octet-stream'.",
        [("mime_type('index.html')", "'text/html'"), ("mime_type('photo.JPG')", "'image/jpeg'")],
        [("mime_type('archive.tar.gz')", "'application/octet-stream'"),
         ("mime_type('README')", "'application/octet-stream'"),
         ("mime_type('report.final.pdf')", "'application/pdf'"),
         ("mime_type('data.json')", "'application/json'")],
        "types = {\n"
        "    'html': 'text/html', 'css': 'text/css', 'js': 'text/javascript',\n"
        "    'json': 'application/json', 'png': 'image/png', 'jpg': 'image/jpeg',\n"
        "    'jpeg': 'image/jpeg', 'pdf': 'application/pdf',\n"
        "}\n"
        "_, dot, ext = filename.rpartition('.')\n"
        "return types.get(ext.lower(), 'application/octet-stream') if dot "
        "else 'application/octet-stream'",
        arrow=True,
    ),
    Task(
        "format_postcode", "(code: str) -> str",
        "Normalize a UK postcode: uppercase it, remove all spaces, then put a "
        "single space before the last three characters.",
        [("format_postcode('sw1a1aa')", "'SW1A 1AA'"), ("format_postcode('M1 1AE')", "'M1 1AE'")],
        [("format_postcode(' ec1a  1bb ')", "'EC1A 1BB'"),
         ("format_postcode('b338th')", "'B33 8TH'"), ("format_postcode('CR26XH')", "'CR2 6XH'")],
        "compact = code.replace(' ', '').upper()\n"
        "return compact[:-3] + ' ' + compact[-3:]",
    ),
    Task(
        "branch_name", "(ticket: str, summary: str) -> str",
        "Build a git branch name for a ticket: 'feature/', the ticket id "
        "lowercased, a hyphen, then the summary lowercased with every run of "
        "characters other than letters and digits turned into a single hyphen "
        "and no hyphen left at either end.",
        [("branch_name('PROJ-142', 'Fix login bug')", "'feature/proj-142-fix-login-bug'"),
         ("branch_name('WEB-7', \"Don't cache /api responses\")",
          "'feature/web-7-don-t-cache-api-responses'")],
        [("branch_name('OPS-1', '  Upgrade Postgres to 16!! ')",
          "'feature/ops-1-upgrade-postgres-to-16'"),
         ("branch_name('ABC-99', 'v2.0 release')", "'feature/abc-99-v2-0-release'"),
         ("branch_name('X-1', 'Add  SSO (SAML)')", "'feature/x-1-add-sso-saml'")],
        "import re\n"
        "slug = re.sub(r'[^a-z0-9]+', '-', summary.lower()).strip('-')\n"
        "return f'feature/{ticket.lower()}-{slug}'",
        arrow=True,
    ),
    Task(
        "floor_label", "(floor: int) -> str",
        "Label a floor for a lift display: 'G' for the ground floor (0), 'B1', "
        "'B2', ... for the basement floors -1, -2, ..., and the number itself "
        "for the floors above ground.",
        [("floor_label(0)", "'G'"), ("floor_label(-2)", "'B2'")],
        [("floor_label(1)", "'1'"), ("floor_label(-1)", "'B1'"), ("floor_label(12)", "'12'")],
        "if floor == 0:\n"
        "    return 'G'\n"
        "if floor < 0:\n"
        "    return f'B{-floor}'\n"
        "return str(floor)",
        arrow=True,
    ),
    Task(
        "progress_label", "(done, total)",
        "Format a 'done/total' counter for a progress line, padding done on the "
        "left with spaces to the width of total so that the column stays "
        "aligned.",
        [("progress_label(7, 120)", "'  7/120'"), ("progress_label(3, 5)", "'3/5'")],
        [("progress_label(120, 120)", "'120/120'"), ("progress_label(0, 10)", "' 0/10'"),
         ("progress_label(45, 1000)", "'  45/1000'")],
        "width = len(str(total))\n"
        "return f'{done:>{width}}/{total}'",
    ),
    Task(
        "format_elapsed", "(ms: int) -> str",
        "Format a duration in milliseconds for a log line: under one second as "
        "whole milliseconds like '850 ms', otherwise as seconds with two "
        "decimals like '1.25 s'.",
        [("format_elapsed(850)", "'850 ms'"), ("format_elapsed(1250)", "'1.25 s'")],
        [("format_elapsed(0)", "'0 ms'"), ("format_elapsed(999)", "'999 ms'"),
         ("format_elapsed(1000)", "'1.00 s'"), ("format_elapsed(61234)", "'61.23 s'")],
        "return f'{ms} ms' if ms < 1000 else f'{ms / 1000:.2f} s'",
        arrow=True,
    ),
    Task(
        "dotenv_line", "(name: str, value: str) -> str",
        "Write one line of a .env file as NAME=value, wrapping the value in "
        "double quotes when it is empty or contains a space or a '#'.",
        [("dotenv_line('PORT', '8080')", "'PORT=8080'"),
         ("dotenv_line('GREETING', 'hello world')", "'GREETING=\"hello world\"'")],
        [("dotenv_line('EMPTY', '')", "'EMPTY=\"\"'"),
         ("dotenv_line('COLOR', '#ff0000')", "'COLOR=\"#ff0000\"'"),
         ("dotenv_line('URL', 'http://x.io/a?b=1')", "'URL=http://x.io/a?b=1'")],
        "if not value or ' ' in value or '#' in value:\n"
        "    value = f'\"{value}\"'\n"
        "return f'{name}={value}'",
    ),
    Task(
        "field_label", "(field: str) -> str",
        "Turn a snake_case form field name into a label for the form: "
        "underscores become spaces and only the first letter is capitalized.",
        [("field_label('first_name')", "'First name'"), ("field_label('email')", "'Email'")],
        [("field_label('date_of_birth')", "'Date of birth'"), ("field_label('')", "''"),
         ("field_label('zip_code_2')", "'Zip code 2'")],
        "return field.replace('_', ' ').capitalize()",
        arrow=True,
    ),
    Task(
        "unique_username", "(base: str, taken: set[str]) -> str",
        "Return base if it is not taken yet, otherwise base followed by the "
        "smallest number from 2 upward that gives a name not in taken.",
        [("unique_username('ann', {'bob'})", "'ann'"),
         ("unique_username('ann', {'ann', 'ann2'})", "'ann3'")],
        [("unique_username('ann', {'ann'})", "'ann2'"), ("unique_username('x', set())", "'x'"),
         ("unique_username('lee', {'lee', 'lee3'})", "'lee2'"),
         ("unique_username('jo', {'jo', 'jo2', 'jo3', 'jo4'})", "'jo5'")],
        "if base not in taken:\n"
        "    return base\n"
        "n = 2\n"
        "while f'{base}{n}' in taken:\n"
        "    n += 1\n"
        "return f'{base}{n}'",
    ),
    Task(
        "display_name", "(user: dict) -> str",
        "Return the name to show for a user record: its 'nickname' if that is "
        "set and not blank, otherwise its 'first' and 'last' names joined by a "
        "space, leaving out any that are missing or empty.",
        [("display_name({'nickname': 'Ace', 'first': 'Ann', 'last': 'Lee'})", "'Ace'"),
         ("display_name({'first': 'Ann', 'last': 'Lee'})", "'Ann Lee'")],
        [("display_name({'nickname': '  ', 'first': 'Bo', 'last': ''})", "'Bo'"),
         ("display_name({'last': \"O'Hara\"})", "\"O'Hara\""),
         ("display_name({})", "''"),
         ("display_name({'nickname': None, 'first': 'Mary-Jane', 'last': 'Watson'})",
          "'Mary-Jane Watson'")],
        "nickname = (user.get('nickname') or '').strip()\n"
        "if nickname:\n"
        "    return nickname\n"
        "return ' '.join(part for part in (user.get('first'), user.get('last')) if part)",
        arrow=True,
    ),
    Task(
        "ellipsize_middle", "(text: str, limit: int) -> str",
        "Shorten text to at most limit characters by replacing its middle with "
        "'...', keeping one more character of the start than of the end when "
        "they cannot be equal; text that already fits is returned unchanged.",
        [("ellipsize_middle('/home/ann/projects/site/index.html', 20)", "'/home/ann...dex.html'"),
         ("ellipsize_middle('report.pdf', 20)", "'report.pdf'")],
        [("ellipsize_middle('abcdefghij', 9)", "'abc...hij'"),
         ("ellipsize_middle('abcdefghij', 8)", "'abc...ij'"),
         ("ellipsize_middle('abcdefghij', 10)", "'abcdefghij'"),
         ("ellipsize_middle('', 5)", "''")],
        "if len(text) <= limit:\n"
        "    return text\n"
        "keep = limit - 3\n"
        "head = (keep + 1) // 2\n"
        "tail = keep - head\n"
        "return text[:head] + '...' + text[len(text) - tail:]",
    ),
    Task(
        "bmi_category", "(bmi)",
        "Return the weight category for a body-mass index: 'underweight' below "
        "18.5, 'normal' below 25, 'overweight' below 30 and 'obese' from 30 up.",
        [("bmi_category(22.4)", "'normal'"), ("bmi_category(31)", "'obese'")],
        [("bmi_category(18.5)", "'normal'"), ("bmi_category(17.9)", "'underweight'"),
         ("bmi_category(25)", "'overweight'"), ("bmi_category(30)", "'obese'")],
        "if bmi < 18.5:\n"
        "    return 'underweight'\n"
        "if bmi < 25:\n"
        "    return 'normal'\n"
        "if bmi < 30:\n"
        "    return 'overweight'\n"
        "return 'obese'",
        arrow=True,
    ),
    # ----------------------------------------------------------------- bool
    Task(
        "is_valid_pin", "(pin: str) -> bool",
        "Check that a PIN is exactly 4 or exactly 6 digits.",
        [("is_valid_pin('1234')", "True"), ("is_valid_pin('12a4')", "False")],
        [("is_valid_pin('123456')", "True"), ("is_valid_pin('12345')", "False"),
         ("is_valid_pin('')", "False"), ("is_valid_pin(' 1234')", "False")],
        "return len(pin) in (4, 6) and pin.isdigit()",
    ),
    Task(
        "is_question", "(message) -> bool",
        "Return True if a chat message is a question, meaning that it ends with "
        "'?' once trailing whitespace is ignored.",
        [("is_question('Are you coming?')", "True"), ("is_question('See you at 5.')", "False")],
        [("is_question('')", "False"), ("is_question('what?!')", "False"),
         ("is_question('Really?  ')", "True"), ("is_question('?')", "True")],
        "return message.rstrip().endswith('?')",
        arrow=True,
    ),
    Task(
        "is_valid_variable_name", "(name: str) -> bool",
        "Return True if name can be used as a Python variable name: a valid "
        "identifier that is not a reserved keyword.",
        [("is_valid_variable_name('total_2')", "True"),
         ("is_valid_variable_name('class')", "False")],
        [("is_valid_variable_name('2fast')", "False"),
         ("is_valid_variable_name('_private')", "True"),
         ("is_valid_variable_name('')", "False"),
         ("is_valid_variable_name('my-var')", "False")],
        "import keyword\n"
        "return name.isidentifier() and not keyword.iskeyword(name)",
    ),
    Task(
        "is_valid_handle", "(handle: str) -> bool",
        "Check a social media handle: '@' followed by 1 to 15 characters, each "
        "an ASCII letter, a digit or an underscore.",
        [("is_valid_handle('@jack')", "True"), ("is_valid_handle('jack')", "False")],
        [("is_valid_handle('@')", "False"), ("is_valid_handle('@a_very_long_name_1')", "False"),
         ("is_valid_handle('@Dev_Ops42')", "True"), ("is_valid_handle('@john.doe')", "False")],
        "import re\n"
        "return re.fullmatch(r'@[A-Za-z0-9_]{1,15}', handle) is not None",
        arrow=True,
    ),
    Task(
        "contains_banned_word", "(text: str, banned: set[str]) -> bool",
        "Return True if any word of text is in banned, a set of lowercase "
        "words. Words are compared case-insensitively, ignoring punctuation "
        "around them, so banning 'spam' does not flag 'spammer'.",
        [("contains_banned_word('Buy cheap SPAM now!', {'spam'})", "True"),
         ("contains_banned_word('Ask the spammer to stop', {'spam'})", "False")],
        [("contains_banned_word('', {'x'})", "False"),
         ("contains_banned_word('What the heck?', {'heck', 'darn'})", "True"),
         ("contains_banned_word('\"Darn,\" she said.', {'darn'})", "True"),
         ("contains_banned_word('all good', set())", "False")],
        "import string\n"
        "return any(word.strip(string.punctuation).lower() in banned for word in text.split())",
    ),
    Task(
        "is_valid_sku", "(sku) -> bool",
        "Check a stock-keeping unit code of the form 'ABC-1234': three "
        "uppercase letters, a hyphen and four digits.",
        [("is_valid_sku('TSH-0042')", "True"), ("is_valid_sku('tsh-0042')", "False")],
        [("is_valid_sku('TSH-042')", "False"), ("is_valid_sku('')", "False"),
         ("is_valid_sku('MUG-9999')", "True"), ("is_valid_sku('MUG-99999')", "False")],
        "import re\n"
        "return re.fullmatch(r'[A-Z]{3}-[0-9]{4}', sku) is not None",
        arrow=True,
    ),
    Task(
        "is_right_triangle", "(a: int, b: int, c: int) -> bool",
        "Return True if three whole-number side lengths, given in any order, "
        "form a right triangle.",
        [("is_right_triangle(3, 4, 5)", "True"), ("is_right_triangle(2, 3, 4)", "False")],
        [("is_right_triangle(13, 5, 12)", "True"), ("is_right_triangle(6, 10, 8)", "True"),
         ("is_right_triangle(5, 5, 5)", "False"), ("is_right_triangle(1, 1, 2)", "False")],
        "x, y, z = sorted((a, b, c))\n"
        "return x * x + y * y == z * z",
    ),
    Task(
        "is_mobile_user_agent", "(user_agent: str) -> bool",
        "Roughly detect a phone browser: True if the User-Agent header contains "
        "'Mobile', 'Android' or 'iPhone' (case-sensitive).",
        [("is_mobile_user_agent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')",
          "True"),
         ("is_mobile_user_agent('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')", "False")],
        [("is_mobile_user_agent('')", "False"),
         ("is_mobile_user_agent('Mozilla/5.0 (Linux; Android 14)')", "True"),
         ("is_mobile_user_agent('mobile-bot')", "False"),
         ("is_mobile_user_agent('Opera Mobile/12')", "True")],
        "return any(marker in user_agent for marker in ('Mobile', 'Android', 'iPhone'))",
        arrow=True,
    ),
    Task(
        "is_quiet_hour", "(hour: int, start: int, end: int) -> bool",
        "Return True if hour (0 to 23) falls in a do-not-disturb window that "
        "begins at hour start and ends just before hour end. The window may run "
        "past midnight, as in 22 to 7.",
        [("is_quiet_hour(23, 22, 7)", "True"), ("is_quiet_hour(12, 22, 7)", "False")],
        [("is_quiet_hour(7, 22, 7)", "False"), ("is_quiet_hour(0, 22, 7)", "True"),
         ("is_quiet_hour(14, 13, 15)", "True"), ("is_quiet_hour(15, 13, 15)", "False")],
        "if start <= end:\n"
        "    return start <= hour < end\n"
        "return hour >= start or hour < end",
    ),
    Task(
        "is_ephemeral_port", "(port: int) -> bool",
        "Return True if port is in the dynamic (ephemeral) range 49152 to 65535 "
        "that operating systems use for outgoing connections.",
        [("is_ephemeral_port(50000)", "True"), ("is_ephemeral_port(8080)", "False")],
        [("is_ephemeral_port(49152)", "True"), ("is_ephemeral_port(65535)", "True"),
         ("is_ephemeral_port(49151)", "False"), ("is_ephemeral_port(65536)", "False")],
        "return 49152 <= port <= 65535",
        arrow=True,
    ),
    Task(
        "is_full_house", "(dice: list[int]) -> bool",
        "Return True if five dice make a full house in Yahtzee: three of one "
        "value and two of another.",
        [("is_full_house([2, 3, 2, 3, 2])", "True"), ("is_full_house([1, 2, 3, 4, 5])", "False")],
        [("is_full_house([6, 6, 6, 6, 6])", "False"), ("is_full_house([4, 4, 1, 1, 1])", "True"),
         ("is_full_house([5, 5, 5, 5, 2])", "False"), ("is_full_house([3, 3, 2, 2, 1])", "False")],
        "from collections import Counter\n"
        "return sorted(Counter(dice).values()) == [2, 3]",
    ),
    Task(
        "is_valid_hostname", "(hostname: str) -> bool",
        "Check a host name: at most 253 characters of dot-separated labels, each "
        "1 to 63 characters of ASCII letters, digits and hyphens that does not "
        "start or end with a hyphen.",
        [("is_valid_hostname('api.example.com')", "True"),
         ("is_valid_hostname('-bad.example.com')", "False")],
        [("is_valid_hostname('')", "False"),
         ("is_valid_hostname('web-01.eu-west.internal')", "True"),
         ("is_valid_hostname('my_host.local')", "False"), ("is_valid_hostname('a..b')", "False")],
        "import re\n"
        "if not hostname or len(hostname) > 253:\n"
        "    return False\n"
        "label = r'[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'\n"
        "return all(re.fullmatch(label, part) for part in hostname.split('.'))",
        arrow=True,
    ),
    Task(
        "is_feature_enabled", "(flag: dict, user_id: str) -> bool",
        "Decide whether a feature flag is on for a user. The flag may have "
        "'enabled' (on for everyone), 'users' (user ids it is on for) and "
        "'blocked' (user ids it is always off for); a missing key means off or "
        "no users.",
        [("is_feature_enabled({'enabled': True}, 'u1')", "True"),
         ("is_feature_enabled({'users': ['u2', 'u3']}, 'u1')", "False")],
        [("is_feature_enabled({}, 'u1')", "False"),
         ("is_feature_enabled({'users': ['u1']}, 'u1')", "True"),
         ("is_feature_enabled({'enabled': True, 'blocked': ['u1']}, 'u1')", "False"),
         ("is_feature_enabled({'enabled': False, 'users': ['u9']}, 'u9')", "True")],
        "if user_id in flag.get('blocked', []):\n"
        "    return False\n"
        "return bool(flag.get('enabled', False)) or user_id in flag.get('users', [])",
    ),
    Task(
        "can_fulfil_order", "(order: dict[str, int], stock: dict[str, int]) -> bool",
        "Return True if every product of an order, which maps products to "
        "quantities, is in stock in at least the ordered quantity.",
        [("can_fulfil_order({'mug': 2, 'tee': 1}, {'mug': 5, 'tee': 1})", "True"),
         ("can_fulfil_order({'mug': 2}, {'mug': 1})", "False")],
        [("can_fulfil_order({}, {})", "True"),
         ("can_fulfil_order({'cap': 1}, {'mug': 3})", "False"),
         ("can_fulfil_order({'pen': 10, 'pad': 3}, {'pen': 10, 'pad': 2, 'ink': 9})", "False")],
        "return all(stock.get(item, 0) >= qty for item, qty in order.items())",
        arrow=True,
    ),
    # ------------------------------------------------------------------ int
    Task(
        "reading_time", "(text: str, words_per_minute: int = 200) -> int",
        "Estimate the reading time of an article in whole minutes: its number "
        "of words divided by words_per_minute and rounded up, but at least 1 "
        "minute.",
        [("reading_time('word ' * 450)", "3"), ("reading_time('Short note.')", "1")],
        [("reading_time('')", "1"), ("reading_time('w ' * 400)", "2"),
         ("reading_time('w ' * 401)", "3"), ("reading_time('a b c d', 2)", "2")],
        "import math\n"
        "return max(1, math.ceil(len(text.split()) / words_per_minute))",
    ),
    Task(
        "max_line_length", "(lines) -> int",
        "Return the length of the longest line, not counting trailing "
        "whitespace, as a linter reports it; 0 when there are no lines.",
        [("max_line_length(['def f():', '    return 1'])", "12"), ("max_line_length([])", "0")],
        [("max_line_length(['abc   ', 'ab'])", "3"), ("max_line_length(['', '   '])", "0"),
         ("max_line_length(['x = 1', 'y = 22', 'z'])", "6")],
        "return max((len(line.rstrip()) for line in lines), default=0)",
        arrow=True,
    ),
    Task(
        "default_port", "(url: str) -> int",
        "Return the port a URL connects to: its explicit port if it has one, "
        "otherwise 443 for https, 80 for http and 21 for ftp.",
        [("default_port('https://example.com/login')", "443"),
         ("default_port('http://localhost:8000/')", "8000")],
        [("default_port('http://example.com')", "80"),
         ("default_port('ftp://files.example.org/pub')", "21"),
         ("default_port('https://api.io:8443/v1')", "8443")],
        "from urllib.parse import urlsplit\n"
        "parts = urlsplit(url)\n"
        "if parts.port:\n"
        "    return parts.port\n"
        "return {'https': 443, 'http': 80, 'ftp': 21}[parts.scheme]",
    ),
    Task(
        "ean13_check_digit", "(code: str) -> int",
        "Compute the check digit of an EAN-13 barcode from its first 12 digits: "
        "weight the digits alternately 1 and 3 from the left, add them up, and "
        "return what must be added to the sum to reach a multiple of 10 (0 if "
        "it already is one).",
        [("ean13_check_digit('400638133393')", "1"), ("ean13_check_digit('590123412345')", "7")],
        [("ean13_check_digit('000000000000')", "0"), ("ean13_check_digit('978030640615')", "7"),
         ("ean13_check_digit('012345678901')", "2"), ("ean13_check_digit('501234567890')", "0")],
        "total = 0\n"
        "for i, digit in enumerate(code):\n"
        "    total += int(digit) * (3 if i % 2 else 1)\n"
        "return (10 - total % 10) % 10",
        arrow=True,
    ),
    Task(
        "scrabble_score", "(word: str) -> int",
        "Score a word in Scrabble, ignoring case: A, E, I, O, U, L, N, S, T and "
        "R are worth 1; D and G 2; B, C, M and P 3; F, H, V, W and Y 4; K 5; J "
        "and X 8; Q and Z 10.",
        [("scrabble_score('cabbage')", "14"), ("scrabble_score('QUIZ')", "22")],
        [("scrabble_score('')", "0"), ("scrabble_score('Jukebox')", "27"),
         ("scrabble_score('street')", "6"), ("scrabble_score('fizzy')", "29")],
        "groups = {'AEIOULNSTR': 1, 'DG': 2, 'BCMP': 3, 'FHVWY': 4, 'K': 5, 'JX': 8, 'QZ': 10}\n"
        "values = {letter: points for letters, points in groups.items() for letter in letters}\n"
        "return sum(values.get(letter, 0) for letter in word.upper())",
    ),
    Task(
        "indent_level", "(line: str, width: int = 4) -> int",
        "Return how many levels a line is indented: its number of leading "
        "spaces divided by width, rounded down.",
        [("indent_level('        return x')", "2"), ("indent_level('def main():')", "0")],
        [("indent_level('      x')", "1"), ("indent_level('  - item', 2)", "1"),
         ("indent_level('')", "0"), ("indent_level('    ')", "1")],
        "return (len(line) - len(line.lstrip(' '))) // width",
        arrow=True,
    ),
    Task(
        "reorder_quantity", "(stock: int, reorder_point: int, target: int) -> int",
        "Return how many units to order: nothing while the stock is above the "
        "reorder point, otherwise enough to bring the stock back up to target.",
        [("reorder_quantity(50, 20, 100)", "0"), ("reorder_quantity(15, 20, 100)", "85")],
        [("reorder_quantity(20, 20, 100)", "80"), ("reorder_quantity(0, 10, 40)", "40"),
         ("reorder_quantity(-5, 0, 30)", "35")],
        "return 0 if stock > reorder_point else target - stock",
    ),
    Task(
        "late_fee_cents", "(days_late: int) -> int",
        "Return a library's late fee in cents: 25 cents for each day overdue, "
        "capped at 500. A book returned on time (0 or fewer days late) costs "
        "nothing.",
        [("late_fee_cents(3)", "75"), ("late_fee_cents(0)", "0")],
        [("late_fee_cents(20)", "500"), ("late_fee_cents(45)", "500"),
         ("late_fee_cents(-2)", "0"), ("late_fee_cents(19)", "475")],
        "return min(max(days_late, 0) * 25, 500)",
        arrow=True,
    ),
    Task(
        "parking_fee", "(minutes)",
        "Return the parking charge in dollars for a stay of the given number of "
        "minutes: stays of up to 30 minutes are free, longer ones cost 2 "
        "dollars for every started hour of the whole stay, up to 20 dollars.",
        [("parking_fee(20)", "0"), ("parking_fee(95)", "4")],
        [("parking_fee(30)", "0"), ("parking_fee(31)", "2"), ("parking_fee(60)", "2"),
         ("parking_fee(900)", "20")],
        "if minutes <= 30:\n"
        "    return 0\n"
        "started_hours = -(-minutes // 60)\n"
        "return min(20, started_hours * 2)",
    ),
    Task(
        "damage_taken", "(attack, armor) -> int",
        "Return the damage a hit does after the target's armor absorbs armor "
        "points of it; a hit always does at least 1 damage.",
        [("damage_taken(12, 5)", "7"), ("damage_taken(3, 10)", "1")],
        [("damage_taken(5, 5)", "1"), ("damage_taken(10, 0)", "10"),
         ("damage_taken(100, 37)", "63")],
        "return max(1, attack - armor)",
        arrow=True,
    ),
    Task(
        "break_even_units", "(fixed_costs: float, price: float, unit_cost: float) -> int",
        "Return how many units must be sold to cover the fixed costs, given each "
        "unit's selling price and what it costs to make: the fixed costs "
        "divided by the profit per unit, rounded up.",
        [("break_even_units(1000, 25, 15)", "100"), ("break_even_units(500, 12, 9)", "167")],
        [("break_even_units(0, 10, 5)", "0"), ("break_even_units(1001, 25, 15)", "101"),
         ("break_even_units(99.5, 2.5, 1)", "67")],
        "import math\n"
        "return math.ceil(fixed_costs / (price - unit_cost))",
    ),
    Task(
        "stock_on_hand", "(movements: list[tuple[str, int]]) -> int",
        "Return the stock level after a list of movements, starting from zero. "
        "Each movement is ('in', quantity) for goods received or ('out', "
        "quantity) for goods shipped.",
        [("stock_on_hand([('in', 50), ('out', 20), ('in', 5)])", "35"),
         ("stock_on_hand([])", "0")],
        [("stock_on_hand([('out', 3)])", "-3"), ("stock_on_hand([('in', 10), ('out', 10)])", "0"),
         ("stock_on_hand([('in', 7), ('in', 8), ('out', 1)])", "14")],
        "level = 0\n"
        "for kind, quantity in movements:\n"
        "    if kind == 'in':\n"
        "        level += quantity\n"
        "    else:\n"
        "        level -= quantity\n"
        "return level",
        arrow=True,
    ),
    Task(
        "count_unread", "(messages: list[dict]) -> int",
        "Count the messages whose 'read' flag is false or missing.",
        [("count_unread([{'id': 1, 'read': True}, {'id': 2, 'read': False}])", "1"),
         ("count_unread([])", "0")],
        [("count_unread([{'id': 3}])", "1"),
         ("count_unread([{'read': True}, {'read': True}])", "0"),
         ("count_unread([{'read': False}, {}, {'read': True}])", "2")],
        "return sum(1 for message in messages if not message.get('read'))",
    ),
    Task(
        "peak_concurrency", "(sessions: list[tuple[int, int]]) -> int",
        "Return the largest number of sessions active at the same moment, where "
        "each session is a (start, end) pair of minutes; a session that ends at "
        "the minute another starts does not overlap it.",
        [("peak_concurrency([(0, 10), (5, 15), (12, 20)])", "2"),
         ("peak_concurrency([(0, 5), (5, 10)])", "1")],
        [("peak_concurrency([])", "0"),
         ("peak_concurrency([(1, 100), (2, 3), (2, 50), (40, 60)])", "3"),
         ("peak_concurrency([(0, 10), (0, 10), (0, 10)])", "3"),
         ("peak_concurrency([(9, 12)])", "1")],
        "events = sorted([(start, 1) for start, _ in sessions]\n"
        "                + [(end, -1) for _, end in sessions])\n"
        "active = peak = 0\n"
        "for _, change in events:\n"
        "    active += change\n"
        "    peak = max(peak, active)\n"
        "return peak",
        arrow=True,
    ),
    # ---------------------------------------------------------------- float
    Task(
        "income_tax", "(income: float) -> float",
        "Return the income tax owed under progressive brackets, rounded to "
        "cents: nothing on the first 10,000, 20% on the part between 10,000 and "
        "40,000, and 40% on anything above 40,000.",
        [("income_tax(25000)", "3000.0"), ("income_tax(8000)", "0.0")],
        [("income_tax(40000)", "6000.0"), ("income_tax(50000)", "10000.0"),
         ("income_tax(10000.5)", "0.1"), ("income_tax(0)", "0.0")],
        "tax = 0.0\n"
        "for low, high, rate in ((10000, 40000, 0.2), (40000, float('inf'), 0.4)):\n"
        "    if income > low:\n"
        "        tax += (min(income, high) - low) * rate\n"
        "return round(tax, 2)",
        arrow=True,
    ),
    Task(
        "trip_fuel_cost",
        "(distance_km: float, litres_per_100km: float, price_per_litre: float) -> float",
        "Return what the fuel for a trip costs, rounded to cents.",
        [("trip_fuel_cost(250, 6.0, 1.8)", "27.0"), ("trip_fuel_cost(100, 5.5, 2.0)", "11.0")],
        [("trip_fuel_cost(0, 7, 1.9)", "0.0"), ("trip_fuel_cost(42.5, 8.2, 1.75)", "6.1"),
         ("trip_fuel_cost(1000, 4.8, 1.659)", "79.63")],
        "return round(distance_km * litres_per_100km / 100 * price_per_litre, 2)",
    ),
    Task(
        "percentile_rank", "(scores: list[float], score: float) -> float",
        "Return the percentage of scores that are strictly below score, rounded "
        "to one decimal; 0.0 for an empty list.",
        [("percentile_rank([50, 60, 70, 80], 75)", "75.0"),
         ("percentile_rank([10, 20, 30], 10)", "0.0")],
        [("percentile_rank([], 5)", "0.0"), ("percentile_rank([1, 2, 3], 2)", "33.3"),
         ("percentile_rank([5, 5, 5, 9], 9)", "75.0"), ("percentile_rank([1, 2], 100)", "100.0")],
        "if not scores:\n"
        "    return 0.0\n"
        "below = sum(1 for s in scores if s < score)\n"
        "return round(below / len(scores) * 100, 1)",
        arrow=True,
    ),
    Task(
        "gpa", "(grades: list[tuple[str, int]]) -> float",
        "Return the grade point average of (letter grade, credit hours) pairs, "
        "with A=4, B=3, C=2, D=1 and F=0 weighted by credit hours, rounded to 2 "
        "decimals; 0.0 when there are no credit hours.",
        [("gpa([('A', 3), ('B', 4)])", "3.43"), ("gpa([('C', 2)])", "2.0")],
        [("gpa([])", "0.0"), ("gpa([('F', 3), ('A', 1)])", "1.0"),
         ("gpa([('A', 3), ('A', 3), ('D', 2)])", "3.25"), ("gpa([('B', 0)])", "0.0")],
        "points = {'A': 4, 'B': 3, 'C': 2, 'D': 1, 'F': 0}\n"
        "credits = sum(hours for _, hours in grades)\n"
        "if not credits:\n"
        "    return 0.0\n"
        "total = sum(points[grade] * hours for grade, hours in grades)\n"
        "return round(total / credits, 2)",
    ),
    Task(
        "years_to_double", "(rate)",
        "Estimate with the rule of 72 how many years an investment takes to "
        "double at an annual interest rate given in percent, rounded to one "
        "decimal.",
        [("years_to_double(6)", "12.0"), ("years_to_double(7.5)", "9.6")],
        [("years_to_double(72)", "1.0"), ("years_to_double(1)", "72.0"),
         ("years_to_double(5)", "14.4"), ("years_to_double(0.5)", "144.0")],
        "return round(72 / rate, 1)",
        arrow=True,
    ),
    Task(
        "route_length", "(points: list[tuple[float, float]]) -> float",
        "Return the total length of a route through the given (x, y) points in "
        "order, rounded to 2 decimals; a route of fewer than two points has "
        "length 0.0.",
        [("route_length([(0, 0), (3, 4), (3, 10)])", "11.0"), ("route_length([(1, 1)])", "0.0")],
        [("route_length([])", "0.0"), ("route_length([(0, 0), (1, 1)])", "1.41"),
         ("route_length([(0, 0), (2, 0), (0, 0)])", "4.0"),
         ("route_length([(-1, -1), (2, 3)])", "5.0")],
        "import math\n"
        "return round(sum((math.dist(a, b) for a, b in zip(points, points[1:])), 0.0), 2)",
    ),
    Task(
        "polygon_area", "(points: list[tuple[float, float]]) -> float",
        "Return the area of a simple polygon from its (x, y) corners listed in "
        "order, clockwise or counter-clockwise, rounded to 2 decimals.",
        [("polygon_area([(0, 0), (4, 0), (4, 3), (0, 3)])", "12.0"),
         ("polygon_area([(0, 0), (4, 0), (0, 3)])", "6.0")],
        [("polygon_area([(0, 0), (0, 3), (4, 3), (4, 0)])", "12.0"),
         ("polygon_area([(0, 0), (2, 0), (2, 2), (1, 1), (0, 2)])", "3.0"),
         ("polygon_area([(0, 0), (1, 0), (0, 1)])", "0.5")],
        "twice = 0\n"
        "for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):\n"
        "    twice += x1 * y2 - x2 * y1\n"
        "return round(abs(twice) / 2, 2)",
        arrow=True,
    ),
    Task(
        "bulk_price", "(quantity: int, unit_price: float) -> float",
        "Return an order's total with volume discounts, rounded to cents: 10% "
        "off the whole order for 10 or more units and 20% off for 50 or more.",
        [("bulk_price(5, 4.0)", "20.0"), ("bulk_price(10, 4.0)", "36.0")],
        [("bulk_price(50, 2.5)", "100.0"), ("bulk_price(49, 1.0)", "44.1"),
         ("bulk_price(0, 9.99)", "0.0"), ("bulk_price(9, 3.33)", "29.97")],
        "total = quantity * unit_price\n"
        "if quantity >= 50:\n"
        "    total *= 0.8\n"
        "elif quantity >= 10:\n"
        "    total *= 0.9\n"
        "return round(total, 2)",
    ),
    Task(
        "lerp", "(start: float, end: float, t: float) -> float",
        "Linearly interpolate between start and end, where t=0 gives start and "
        "t=1 gives end; values of t outside 0 to 1 extrapolate.",
        [("lerp(0, 10, 0.5)", "5.0"), ("lerp(10, 20, 0.25)", "12.5")],
        [("lerp(3, 7, 0.0)", "3.0"), ("lerp(-5, 5, 1.0)", "5.0"), ("lerp(0, 10, 1.5)", "15.0"),
         ("lerp(100, 0, 0.2)", "80.0")],
        "return start + (end - start) * t",
        arrow=True,
    ),
    Task(
        "price_per_100g", "(price: float, grams: float) -> float",
        "Return the unit price shown on a supermarket shelf label: the price of "
        "100 g of a pack, rounded to cents.",
        [("price_per_100g(2.5, 500)", "0.5"), ("price_per_100g(3.99, 250)", "1.6")],
        [("price_per_100g(1.0, 100)", "1.0"), ("price_per_100g(12.0, 1000)", "1.2"),
         ("price_per_100g(0.89, 75)", "1.19")],
        "return round(price / grams * 100, 2)",
    ),
    Task(
        "average_order_value", "(orders) -> float",
        "Return the average 'total' of the orders that were not refunded (whose "
        "'status' is not 'refunded'), rounded to cents; 0.0 if there are none.",
        [(("average_order_value([{'total': 30.0, 'status': 'paid'}, "
          "{'total': 50.0, 'status': 'paid'}])"), "40.0"),
         ("average_order_value([{'total': 99.0, 'status': 'refunded'}])", "0.0")],
        [("average_order_value([])", "0.0"),
         (("average_order_value([{'total': 10.0, 'status': 'paid'}, "
          "{'total': 500.0, 'status': 'refunded'}, {'total': 20.5, 'status': 'shipped'}])"),
          "15.25"),
         (("average_order_value([{'total': 10, 'status': 'paid'}, {'total': 10, 'status': 'paid'}, "
          "{'total': 11, 'status': 'paid'}])"), "10.33")],
        "totals = [order['total'] for order in orders if order['status'] != 'refunded']\n"
        "return round(sum(totals) / len(totals), 2) if totals else 0.0",
        arrow=True,
    ),
    Task(
        "elo_expected", "(rating: float, opponent: float) -> float",
        "Return a player's expected score against an opponent in the Elo rating "
        "system, 1 / (1 + 10 ** ((opponent - rating) / 400)), rounded to 3 "
        "decimals.",
        [("elo_expected(1500, 1500)", "0.5"), ("elo_expected(1800, 1400)", "0.909")],
        [("elo_expected(1400, 1800)", "0.091"), ("elo_expected(2000, 1000)", "0.997"),
         ("elo_expected(1613, 1609)", "0.506")],
        "return round(1 / (1 + 10 ** ((opponent - rating) / 400)), 3)",
    ),
    # ----------------------------------------------------------------- list
    Task(
        "shell_split", "(command: str) -> list[str]",
        "Split a command line into its arguments the way a POSIX shell does, "
        "honouring single and double quotes.",
        [("shell_split('git commit -m \"first commit\"')", "['git', 'commit', '-m', 'first commit']"),
         ("shell_split('ls')", "['ls']")],
        [("shell_split('')", "[]"), ("shell_split(\"echo 'a  b' c\")", "['echo', 'a  b', 'c']"),
         ("shell_split('  cp   x.txt  y.txt ')", "['cp', 'x.txt', 'y.txt']"),
         ("shell_split('grep -r \"TODO\" src')", "['grep', '-r', 'TODO', 'src']")],
        "import shlex\n"
        "return shlex.split(command)",
        arrow=True,
    ),
    Task(
        "titles_with_tag", "(posts: list[dict], tag: str) -> list[str]",
        "Return the titles of the blog posts whose 'tags' list contains tag, "
        "compared case-insensitively, in the posts' order.",
        [(("titles_with_tag([{'title': 'Intro', 'tags': ['python']}, "
          "{'title': 'CSS tips', 'tags': ['web']}], 'python')"), "['Intro']"),
         ("titles_with_tag([], 'web')", "[]")],
        [(("titles_with_tag([{'title': 'A', 'tags': ['Python', 'Web']}, "
          "{'title': 'B', 'tags': []}], 'web')"), "['A']"),
         ("titles_with_tag([{'title': 'X', 'tags': ['go']}, {'title': 'Y', 'tags': ['GO']}], 'Go')",
          "['X', 'Y']"),
         ("titles_with_tag([{'title': 'Z', 'tags': ['django']}], 'go')", "[]")],
        "wanted = tag.lower()\n"
        "return [post['title'] for post in posts\n"
        "        if any(t.lower() == wanted for t in post['tags'])]",
    ),
    Task(
        "above_average", "(values: list[float]) -> list[float]",
        "Return the values that are strictly greater than the average of all "
        "the values, in their original order.",
        [("above_average([1, 2, 3, 4])", "[3, 4]"), ("above_average([5, 5, 5])", "[]")],
        [("above_average([])", "[]"), ("above_average([10, -10, 1])", "[10, 1]"),
         ("above_average([2.5, 0.5])", "[2.5]"), ("above_average([0, 0, 9])", "[9]")],
        "if not values:\n"
        "    return []\n"
        "mean = sum(values) / len(values)\n"
        "return [value for value in values if value > mean]",
        arrow=True,
    ),
    Task(
        "low_stock", "(stock: dict[str, int], threshold: int) -> list[str]",
        "Return the names of the products whose quantity is below threshold, "
        "sorted alphabetically, for a restocking report.",
        [("low_stock({'apples': 3, 'pears': 12, 'figs': 0}, 5)", "['apples', 'figs']"),
         ("low_stock({'rice': 40}, 10)", "[]")],
        [("low_stock({}, 5)", "[]"), ("low_stock({'b': 5, 'a': 4}, 5)", "['a']"),
         ("low_stock({'kiwi': -2, 'lime': 1, 'date': 9}, 2)", "['kiwi', 'lime']")],
        "return sorted(name for name, qty in stock.items() if qty < threshold)",
    ),
    Task(
        "expand_cron_field", "(field: str, low: int, high: int) -> list[int]",
        "Expand one field of a cron schedule into the sorted values from low to "
        "high that it matches. A number matches itself, 'a-b' is a range, '*' "
        "is every value, '/n' after '*' or a range keeps every nth value of it, "
        "and commas join several parts.",
        [("expand_cron_field('*/15', 0, 59)", "[0, 15, 30, 45]"),
         ("expand_cron_field('1-5', 0, 6)", "[1, 2, 3, 4, 5]")],
        [("expand_cron_field('0,30', 0, 59)", "[0, 30]"),
         ("expand_cron_field('*', 1, 3)", "[1, 2, 3]"),
         ("expand_cron_field('10-20/5,1', 0, 59)", "[1, 10, 15, 20]"),
         ("expand_cron_field('3,1-3', 0, 6)", "[1, 2, 3]")],
        "values = set()\n"
        "for part in field.split(','):\n"
        "    base, _, step = part.partition('/')\n"
        "    if base == '*':\n"
        "        first, last = low, high\n"
        "    elif '-' in base:\n"
        "        a, b = base.split('-')\n"
        "        first, last = int(a), int(b)\n"
        "    else:\n"
        "        first = last = int(base)\n"
        "    values.update(range(first, last + 1, int(step) if step else 1))\n"
        "return sorted(values)",
        arrow=True,
    ),
    Task(
        "open_tasks", "(tasks: list[dict]) -> list[str]",
        "Return the titles of the tasks that are not 'done', ordered by their "
        "'due' date ('YYYY-MM-DD'), earliest first; tasks due on the same date "
        "keep their order.",
        [(("open_tasks([{'title': 'Report', 'due': '2024-05-02', 'done': False}, "
          "{'title': 'Taxes', 'due': '2024-04-15', 'done': False}])"), "['Taxes', 'Report']"),
         ("open_tasks([{'title': 'Gym', 'due': '2024-01-01', 'done': True}])", "[]")],
        [("open_tasks([])", "[]"),
         (("open_tasks([{'title': 'b', 'due': '2024-03-01', 'done': False}, "
          "{'title': 'a', 'due': '2024-03-01', 'done': False}])"), "['b', 'a']"),
         (("open_tasks([{'title': 'x', 'due': '2023-12-31', 'done': False}, "
          "{'title': 'y', 'due': '2024-01-01', 'done': True}, "
          "{'title': 'z', 'due': '2023-01-05', 'done': False}])"), "['z', 'x']")],
        "pending = [task for task in tasks if not task['done']]\n"
        "return [task['title'] for task in sorted(pending, key=lambda task: task['due'])]",
    ),
    Task(
        "overlapping_meetings", "(meetings: list[tuple[str, int, int]]) -> list[tuple[str, str]]",
        "Find the clashes in a day's calendar: given (name, start, end) meetings "
        "with times in minutes, return every pair of names whose meetings "
        "overlap, in the order the meetings are listed. Back-to-back meetings "
        "do not clash.",
        [(("overlapping_meetings([('standup', 540, 555), ('review', 550, 600), "
          "('lunch', 720, 780)])"), "[('standup', 'review')]"),
         ("overlapping_meetings([('a', 0, 30), ('b', 30, 60)])", "[]")],
        [("overlapping_meetings([])", "[]"),
         ("overlapping_meetings([('x', 0, 100), ('y', 10, 20), ('z', 50, 60)])",
          "[('x', 'y'), ('x', 'z')]"),
         ("overlapping_meetings([('late', 600, 660), ('early', 540, 610)])",
          "[('late', 'early')]")],
        "clashes = []\n"
        "for i, (name, start, end) in enumerate(meetings):\n"
        "    for other, other_start, other_end in meetings[i + 1:]:\n"
        "        if start < other_end and other_start < end:\n"
        "            clashes.append((name, other))\n"
        "return clashes",
        arrow=True,
    ),
    Task(
        "split_cents", "(total: int, people: int) -> list[int]",
        "Split an amount in cents as evenly as possible between people. When it "
        "does not divide exactly, the first people pay one cent more, so that "
        "the shares always add up to total.",
        [("split_cents(1000, 3)", "[334, 333, 333]"), ("split_cents(900, 3)", "[300, 300, 300]")],
        [("split_cents(5, 3)", "[2, 2, 1]"), ("split_cents(0, 2)", "[0, 0]"),
         ("split_cents(101, 4)", "[26, 25, 25, 25]"), ("split_cents(7, 1)", "[7]")],
        "share, extra = divmod(total, people)\n"
        "return [share + 1 if i < extra else share for i in range(people)]",
    ),
    Task(
        "uniq_counts", "(lines: list[str]) -> list[tuple[int, str]]",
        "Collapse each run of identical adjacent lines into a (count, line) "
        "pair, like the Unix command 'uniq -c'.",
        [("uniq_counts(['a', 'a', 'b', 'a'])", "[(2, 'a'), (1, 'b'), (1, 'a')]"),
         ("uniq_counts([])", "[]")],
        [("uniq_counts(['x'])", "[(1, 'x')]"),
         ("uniq_counts(['GET /', 'GET /', 'GET /'])", "[(3, 'GET /')]"),
         ("uniq_counts(['a', 'A', 'a'])", "[(1, 'a'), (1, 'A'), (1, 'a')]")],
        "counts = []\n"
        "for line in lines:\n"
        "    if counts and counts[-1][1] == line:\n"
        "        counts[-1] = (counts[-1][0] + 1, line)\n"
        "    else:\n"
        "        counts.append((1, line))\n"
        "return counts",
        arrow=True,
    ),
    Task(
        "column_widths", "(rows: list[list[str]]) -> list[int]",
        "Return the width of each column of a text table given as rows of "
        "strings, which is the length of the longest cell in that column. All "
        "rows have the same number of cells.",
        [("column_widths([['name', 'qty'], ['banana', '12']])", "[6, 3]"),
         ("column_widths([['a']])", "[1]")],
        [("column_widths([])", "[]"), ("column_widths([['', ''], ['', 'x']])", "[0, 1]"),
         (("column_widths([['id', 'title', 'price'], ['1', 'Tea', '3.50'], "
          "['22', 'Coffee beans', '12.00']])"), "[2, 12, 5]")],
        "return [max(len(cell) for cell in column) for column in zip(*rows)]",
    ),
    Task(
        "breadcrumbs", "(path: str) -> list[str]",
        "Return the breadcrumb trail for a URL path such as '/docs/api/auth': "
        "the path of every ancestor page and then of the page itself, each "
        "starting with '/'.",
        [("breadcrumbs('/docs/api/auth')", "['/docs', '/docs/api', '/docs/api/auth']"),
         ("breadcrumbs('/')", "[]")],
        [("breadcrumbs('/about')", "['/about']"),
         ("breadcrumbs('/shop/shoes/')", "['/shop', '/shop/shoes']"),
         ("breadcrumbs('')", "[]")],
        "parts = [part for part in path.split('/') if part]\n"
        "return ['/' + '/'.join(parts[:i]) for i in range(1, len(parts) + 1)]",
        arrow=True,
    ),
    Task(
        "permissions_for", "(roles: list[str], grants: dict[str, list[str]]) -> list[str]",
        "Return every permission a user gets from their roles, where grants maps "
        "each role to its permissions. The result is sorted without duplicates, "
        "and roles missing from grants give nothing.",
        [("permissions_for(['editor'], {'editor': ['read', 'write'], 'admin': ['delete']})",
          "['read', 'write']"),
         ("permissions_for(['guest'], {'editor': ['read']})", "[]")],
        [("permissions_for([], {'a': ['x']})", "[]"),
         (("permissions_for(['editor', 'admin'], "
          "{'editor': ['write', 'read'], 'admin': ['read', 'delete']})"),
          "['delete', 'read', 'write']"),
         ("permissions_for(['viewer', 'nobody'], {'viewer': ['read']})", "['read']")],
        "return sorted({perm for role in roles for perm in grants.get(role, [])})",
    ),
    Task(
        "forward_fill", "(values)",
        "Replace each None with the closest non-None value before it, as when "
        "filling the gaps in a time series; None values at the start stay None.",
        [("forward_fill([1, None, None, 4, None])", "[1, 1, 1, 4, 4]"),
         ("forward_fill([None, 2])", "[None, 2]")],
        [("forward_fill([])", "[]"), ("forward_fill([0, None])", "[0, 0]"),
         ("forward_fill([None, None])", "[None, None]"),
         ("forward_fill(['a', None, 'b', None])", "['a', 'a', 'b', 'b']")],
        "filled = []\n"
        "last = None\n"
        "for value in values:\n"
        "    if value is not None:\n"
        "        last = value\n"
        "    filled.append(last)\n"
        "return filled",
        arrow=True,
    ),
    Task(
        "top_products", "(sales: list[tuple[str, int, float]], n: int) -> list[str]",
        "Given sales as (product, quantity, unit_price) tuples, return the n "
        "products with the highest total revenue, highest first; products with "
        "equal revenue are ordered by name.",
        [(("top_products([('tea', 10, 2.0), ('cake', 2, 5.0), ('tea', 5, 2.0), "
          "('pie', 1, 25.0)], 2)"), "['tea', 'pie']"),
         ("top_products([('mug', 3, 8.0)], 5)", "['mug']")],
        [("top_products([], 3)", "[]"),
         ("top_products([('a', 1, 10.0), ('b', 2, 5.0), ('c', 1, 1.0)], 2)", "['a', 'b']"),
         ("top_products([('x', 1, 1.0), ('y', 1, 2.0)], 0)", "[]"),
         ("top_products([('b', 1, 3.0), ('a', 1, 1.0), ('b', 1, 3.0), ('c', 4, 1.0)], 3)",
          "['b', 'c', 'a']")],
        "revenue = {}\n"
        "for product, quantity, unit_price in sales:\n"
        "    revenue[product] = revenue.get(product, 0) + quantity * unit_price\n"
        "return sorted(revenue, key=lambda product: (-revenue[product], product))[:n]",
    ),
    Task(
        "missing_fields", "(form: dict, required: list[str]) -> list[str]",
        "Return the required fields that a submitted form lacks or left blank "
        "(None, or a string that is empty or only whitespace), in the order "
        "they are required.",
        [("missing_fields({'name': 'Ann', 'email': ''}, ['name', 'email', 'phone'])",
          "['email', 'phone']"),
         ("missing_fields({'name': 'Bo'}, ['name'])", "[]")],
        [("missing_fields({}, [])", "[]"),
         ("missing_fields({'age': 0, 'city': '   '}, ['age', 'city'])", "['city']"),
         ("missing_fields({'note': None, 'ok': False}, ['note', 'ok'])", "['note']")],
        "missing = []\n"
        "for field in required:\n"
        "    value = form.get(field)\n"
        "    if value is None or (isinstance(value, str) and not value.strip()):\n"
        "        missing.append(field)\n"
        "return missing",
        arrow=True,
    ),
    Task(
        "page_window", "(current: int, total: int, radius: int = 2) -> list[int]",
        "Return the page numbers to show in a pagination bar: the current page "
        "and up to radius pages on either side of it, kept within 1 to total.",
        [("page_window(5, 10)", "[3, 4, 5, 6, 7]"), ("page_window(1, 10)", "[1, 2, 3]")],
        [("page_window(10, 10)", "[8, 9, 10]"), ("page_window(1, 1)", "[1]"),
         ("page_window(4, 20, 1)", "[3, 4, 5]"), ("page_window(2, 3, 5)", "[1, 2, 3]")],
        "return list(range(max(1, current - radius), min(total, current + radius) + 1))",
    ),
    # ----------------------------------------------------------------- dict
    Task(
        "parse_headers", "(lines: list[str]) -> dict[str, str]",
        "Parse raw HTTP header lines of the form 'Name: value' into a dict keyed "
        "by lowercase name, with the values stripped. When a header appears "
        "more than once, its values are joined with ', '.",
        [("parse_headers(['Host: example.com', 'Accept: text/html'])",
          "{'host': 'example.com', 'accept': 'text/html'}"),
         ("parse_headers(['Accept: a', 'accept: b'])", "{'accept': 'a, b'}")],
        [("parse_headers([])", "{}"),
         ("parse_headers(['X-Trace:   abc  '])", "{'x-trace': 'abc'}"),
         ("parse_headers(['Date: Mon, 01 Jan 2024 10:00:00 GMT'])",
          "{'date': 'Mon, 01 Jan 2024 10:00:00 GMT'}"),
         ("parse_headers(['Set-Cookie: a=1', 'Content-Length: 3', 'set-cookie: b=2'])",
          "{'set-cookie': 'a=1, b=2', 'content-length': '3'}")],
        "headers = {}\n"
        "for line in lines:\n"
        "    name, _, value = line.partition(':')\n"
        "    name, value = name.strip().lower(), value.strip()\n"
        "    headers[name] = f'{headers[name]}, {value}' if name in headers else value\n"
        "return headers",
        arrow=True,
    ),
    Task(
        "status_counts", "(log_lines) -> dict",
        "Count the HTTP status codes in access-log lines, where the status is "
        "the second-to-last whitespace-separated field; the result maps each "
        "status code, as an int, to how many lines have it.",
        [(("status_counts(['10.0.0.1 - - \"GET / HTTP/1.1\" 200 512', "
          "'10.0.0.2 - - \"GET /x HTTP/1.1\" 404 0'])"), "{200: 1, 404: 1}"),
         ("status_counts([])", "{}")],
        [(("status_counts(['a - - \"GET / HTTP/1.1\" 500 0', 'b - - \"POST /login HTTP/1.1\" 500 12', "
          "'c - - \"GET /x HTTP/1.1\" 301 -'])"), "{500: 2, 301: 1}"),
         ("status_counts(['h - - \"HEAD / HTTP/1.0\" 204 -'])", "{204: 1}"),
         ("status_counts(['x - - \"GET /a HTTP/1.1\" 200 5', 'y - - \"GET /b HTTP/1.1\" 200 7'])",
          "{200: 2}")],
        "counts = {}\n"
        "for line in log_lines:\n"
        "    status = int(line.split()[-2])\n"
        "    counts[status] = counts.get(status, 0) + 1\n"
        "return counts",
    ),
    Task(
        "scale_recipe",
        "(ingredients: dict[str, float], servings: int, new_servings: int) -> dict[str, float]",
        "Scale a recipe's ingredient amounts from servings to new_servings, "
        "rounding each amount to 2 decimals.",
        [("scale_recipe({'flour': 200, 'eggs': 2}, 4, 6)", "{'flour': 300.0, 'eggs': 3.0}"),
         ("scale_recipe({'sugar': 100}, 2, 1)", "{'sugar': 50.0}")],
        [("scale_recipe({}, 2, 8)", "{}"),
         ("scale_recipe({'milk': 0.25, 'salt': 1}, 3, 1)", "{'milk': 0.08, 'salt': 0.33}"),
         ("scale_recipe({'rice': 150}, 4, 4)", "{'rice': 150.0}")],
        "factor = new_servings / servings\n"
        "return {name: round(amount * factor, 2) for name, amount in ingredients.items()}",
        arrow=True,
    ),
    Task(
        "combine_shopping_lists", "(first: dict[str, int], second: dict[str, int]) -> dict[str, int]",
        "Merge two shopping lists that map items to quantities, adding up the "
        "quantities of items that are on both.",
        [("combine_shopping_lists({'eggs': 6, 'milk': 1}, {'milk': 2, 'bread': 1})",
          "{'eggs': 6, 'milk': 3, 'bread': 1}"),
         ("combine_shopping_lists({}, {'tea': 1})", "{'tea': 1}")],
        [("combine_shopping_lists({}, {})", "{}"),
         ("combine_shopping_lists({'a': 1}, {})", "{'a': 1}"),
         ("combine_shopping_lists({'x': 2, 'y': 1}, {'y': 4, 'x': 1, 'z': 0})",
          "{'x': 3, 'y': 5, 'z': 0}")],
        "merged = dict(first)\n"
        "for item, qty in second.items():\n"
        "    merged[item] = merged.get(item, 0) + qty\n"
        "return merged",
    ),
    Task(
        "grade_distribution", "(scores: list[int]) -> dict[str, int]",
        "Count how many scores earn each letter grade: A for 90 and above, B for "
        "80 to 89, C for 70 to 79, D for 60 to 69 and F below 60. Every letter "
        "is in the result, even with a count of 0.",
        [("grade_distribution([95, 82, 88, 40])", "{'A': 1, 'B': 2, 'C': 0, 'D': 0, 'F': 1}"),
         ("grade_distribution([])", "{'A': 0, 'B': 0, 'C': 0, 'D': 0, 'F': 0}")],
        [("grade_distribution([90, 89, 70, 69, 60, 59])",
          "{'A': 1, 'B': 1, 'C': 1, 'D': 2, 'F': 1}"),
         ("grade_distribution([100, 100])", "{'A': 2, 'B': 0, 'C': 0, 'D': 0, 'F': 0}"),
         ("grade_distribution([0, 75])", "{'A': 0, 'B': 0, 'C': 1, 'D': 0, 'F': 1}")],
        "counts = {'A': 0, 'B': 0, 'C': 0, 'D': 0, 'F': 0}\n"
        "for score in scores:\n"
        "    if score >= 90:\n"
        "        counts['A'] += 1\n"
        "    elif score >= 80:\n"
        "        counts['B'] += 1\n"
        "    elif score >= 70:\n"
        "        counts['C'] += 1\n"
        "    elif score >= 60:\n"
        "        counts['D'] += 1\n"
        "    else:\n"
        "        counts['F'] += 1\n"
        "return counts",
        arrow=True,
    ),
    Task(
        "inventory_changes", "(before: dict[str, int], after: dict[str, int]) -> dict[str, int]",
        "Compare two stock counts and return, for each product whose quantity "
        "changed, the change (after minus before); a product missing from one "
        "of the counts has quantity 0 in it.",
        [("inventory_changes({'mug': 10, 'tee': 5}, {'mug': 7, 'tee': 5})", "{'mug': -3}"),
         ("inventory_changes({}, {'cap': 4})", "{'cap': 4}")],
        [("inventory_changes({}, {})", "{}"), ("inventory_changes({'pen': 2}, {})", "{'pen': -2}"),
         ("inventory_changes({'a': 1, 'b': 0}, {'b': 0, 'c': 0, 'a': 3})", "{'a': 2}")],
        "changes = {}\n"
        "for item in {**before, **after}:\n"
        "    change = after.get(item, 0) - before.get(item, 0)\n"
        "    if change:\n"
        "        changes[item] = change\n"
        "return changes",
    ),
    Task(
        "prefix_keys", "(data: dict, prefix: str) -> dict",
        "Return a copy of data with prefix put in front of every key, as when "
        "namespacing fields before sending them to a metrics service.",
        [("prefix_keys({'hits': 3, 'misses': 1}, 'cache.')", "{'cache.hits': 3, 'cache.misses': 1}"),
         ("prefix_keys({}, 'x_')", "{}")],
        [("prefix_keys({'a': None}, '')", "{'a': None}"),
         ("prefix_keys({'latency_ms': 12.5}, 'api_')", "{'api_latency_ms': 12.5}"),
         ("prefix_keys({'k': [1, 2]}, 'app.')", "{'app.k': [1, 2]}")],
        "return {prefix + key: value for key, value in data.items()}",
        arrow=True,
    ),
    Task(
        "tally_answers", "(answers) -> dict",
        "Tally free-text survey answers. Answers are compared after trimming "
        "surrounding whitespace and lowercasing, blank answers are skipped, and "
        "the result maps each normalized answer to its count.",
        [("tally_answers(['Yes', 'no', ' yes '])", "{'yes': 2, 'no': 1}"),
         ("tally_answers(['', '  '])", "{}")],
        [("tally_answers([])", "{}"),
         ("tally_answers(['Maybe', 'MAYBE', 'maybe ', 'No'])", "{'maybe': 3, 'no': 1}"),
         ("tally_answers(['Blue-green', 'blue green'])", "{'blue-green': 1, 'blue green': 1}")],
        "counts = {}\n"
        "for answer in answers:\n"
        "    key = answer.strip().lower()\n"
        "    if key:\n"
        "        counts[key] = counts.get(key, 0) + 1\n"
        "return counts",
    ),
    Task(
        "parse_labels", "(text: str) -> dict[str, str]",
        "Parse comma-separated 'key:value' labels such as 'env:prod, team:web' "
        "into a dict. Spaces around keys and values are removed, a label "
        "without ':' gets the value '', and empty labels are ignored.",
        [("parse_labels('env:prod, team:web')", "{'env': 'prod', 'team': 'web'}"),
         ("parse_labels('critical')", "{'critical': ''}")],
        [("parse_labels('')", "{}"),
         ("parse_labels('url:http://x.io, a:b')", "{'url': 'http://x.io', 'a': 'b'}"),
         ("parse_labels(' owner : ann ,, beta')", "{'owner': 'ann', 'beta': ''}")],
        "labels = {}\n"
        "for part in text.split(','):\n"
        "    key, _, value = part.partition(':')\n"
        "    if key.strip():\n"
        "        labels[key.strip()] = value.strip()\n"
        "return labels",
        arrow=True,
    ),
    Task(
        "budget_left",
        "(budgets: dict[str, float], expenses: list[tuple[str, float]]) -> dict[str, float]",
        "Return how much of each category's budget is left after the (category, "
        "amount) expenses, rounded to cents. It is negative for an overspent "
        "category, and expenses in categories without a budget are ignored.",
        [(("budget_left({'food': 300.0, 'fun': 100.0}, "
          "[('food', 120.5), ('fun', 30.0), ('food', 80.0)])"), "{'food': 99.5, 'fun': 70.0}"),
         ("budget_left({'rent': 1000.0}, [])", "{'rent': 1000.0}")],
        [("budget_left({}, [('food', 5.0)])", "{}"),
         ("budget_left({'fun': 50.0}, [('fun', 75.25)])", "{'fun': -25.25}"),
         ("budget_left({'gas': 60.0, 'gym': 30.0}, [('taxi', 20.0), ('gas', 0.1), ('gas', 0.2)])",
          "{'gas': 59.7, 'gym': 30.0}")],
        "left = dict(budgets)\n"
        "for category, amount in expenses:\n"
        "    if category in left:\n"
        "        left[category] -= amount\n"
        "return {category: round(value, 2) for category, value in left.items()}",
    ),
    # ---------------------------------------------------------------- tuple
    Task(
        "grid_position", "(index: int, columns: int) -> tuple[int, int]",
        "Return the (row, column) at which the item with a 0-based index goes "
        "when items are laid out left to right in a grid with the given number "
        "of columns.",
        [("grid_position(0, 4)", "(0, 0)"), ("grid_position(6, 4)", "(1, 2)")],
        [("grid_position(4, 4)", "(1, 0)"), ("grid_position(3, 4)", "(0, 3)"),
         ("grid_position(10, 1)", "(10, 0)")],
        "return divmod(index, columns)",
        arrow=True,
    ),
    Task(
        "centroid", "(points: list[tuple[float, float]]) -> tuple[float, float]",
        "Return the centroid (mean x, mean y) of a non-empty list of points, "
        "with each coordinate rounded to 2 decimals.",
        [("centroid([(0, 0), (4, 0), (4, 2), (0, 2)])", "(2.0, 1.0)"),
         ("centroid([(1, 1)])", "(1.0, 1.0)")],
        [("centroid([(0, 0), (1, 0), (0, 1)])", "(0.33, 0.33)"),
         ("centroid([(-2, 5), (2, -5)])", "(0.0, 0.0)"),
         ("centroid([(1.5, 2.5), (2.5, 3.5)])", "(2.0, 3.0)")],
        "n = len(points)\n"
        "x = sum(point[0] for point in points) / n\n"
        "y = sum(point[1] for point in points) / n\n"
        "return (round(x, 2), round(y, 2))",
    ),
    Task(
        "best_and_worst", "(scores: dict[str, float]) -> tuple[str, str]",
        "Return the names of the highest and the lowest scorer as (best, "
        "worst); a tie goes to the name that comes first alphabetically.",
        [("best_and_worst({'ann': 91, 'bob': 78, 'cy': 85})", "('ann', 'bob')"),
         ("best_and_worst({'solo': 50})", "('solo', 'solo')")],
        [("best_and_worst({'zed': 90, 'amy': 90, 'kim': 60})", "('amy', 'kim')"),
         ("best_and_worst({'b': -1, 'a': -1})", "('a', 'a')"),
         ("best_and_worst({'x': 0.5, 'y': 2.5, 'w': 0.5})", "('y', 'w')")],
        "best = min(scores, key=lambda name: (-scores[name], name))\n"
        "worst = min(scores, key=lambda name: (scores[name], name))\n"
        "return (best, worst)",
        arrow=True,
    ),
    Task(
        "parse_heading", "(line: str) -> tuple[int, str]",
        "Split a Markdown heading such as '## Install' into its level (the "
        "number of leading '#') and its text without surrounding spaces. A line "
        "that is not a heading gives level 0 and the whole line, stripped.",
        [("parse_heading('## Install')", "(2, 'Install')"),
         ("parse_heading('Plain text')", "(0, 'Plain text')")],
        [("parse_heading('# Title ')", "(1, 'Title')"),
         ("parse_heading('###   Deep   ')", "(3, 'Deep')"), ("parse_heading('')", "(0, '')")],
        "text = line.lstrip('#')\n"
        "return (len(line) - len(text), text.strip())",
    ),
    Task(
        "move_player", "(position: tuple[int, int], direction: str) -> tuple[int, int]",
        "Move a player one square from position (x, y) in direction 'up', "
        "'down', 'left' or 'right', where up decreases y as on a screen; any "
        "other direction leaves the player where it is.",
        [("move_player((2, 2), 'up')", "(2, 1)"), ("move_player((0, 0), 'right')", "(1, 0)")],
        [("move_player((5, 5), 'down')", "(5, 6)"), ("move_player((0, 0), 'left')", "(-1, 0)"),
         ("move_player((3, 4), 'jump')", "(3, 4)")],
        "steps = {'up': (0, -1), 'down': (0, 1), 'left': (-1, 0), 'right': (1, 0)}\n"
        "dx, dy = steps.get(direction, (0, 0))\n"
        "return (position[0] + dx, position[1] + dy)",
        arrow=True,
    ),
    Task(
        "season_record", "(results: str) -> tuple[int, int, int]",
        "Count a team's wins, draws and losses in a string of 'W', 'D' and 'L' "
        "results, returned as (wins, draws, losses).",
        [("season_record('WWDLW')", "(3, 1, 1)"), ("season_record('')", "(0, 0, 0)")],
        [("season_record('LLL')", "(0, 0, 3)"), ("season_record('DWD')", "(1, 2, 0)"),
         ("season_record('WDLWDLW')", "(3, 2, 2)")],
        "return (results.count('W'), results.count('D'), results.count('L'))",
    ),
    # ------------------------------------------------------------- Optional
    Task(
        "branch_from_ref", "(ref: str) -> str | None",
        "Return the branch name in a git ref such as 'refs/heads/main', or None "
        "when the ref is not a branch (a tag, for example).",
        [("branch_from_ref('refs/heads/main')", "'main'"),
         ("branch_from_ref('refs/tags/v1.0')", "None")],
        [("branch_from_ref('refs/heads/feature/login')", "'feature/login'"),
         ("branch_from_ref('main')", "None"), ("branch_from_ref('refs/pull/12/merge')", "None")],
        "prefix = 'refs/heads/'\n"
        "return ref[len(prefix):] if ref.startswith(prefix) else None",
        arrow=True,
    ),
    Task(
        "commit_type", "(subject: str) -> str | None",
        "Return the type of a Conventional Commits subject line such as "
        "'feat(api): add login': the lowercase word that comes before an "
        "optional '(scope)', an optional '!' and ': '. Return None if the "
        "subject does not follow the convention.",
        [("commit_type('feat(api): add login')", "'feat'"), ("commit_type('Update README')", "None")],
        [("commit_type('fix: handle empty cart')", "'fix'"),
         ("commit_type('refactor!: drop py3.8')", "'refactor'"),
         ("commit_type('docs(readme):missing space')", "None"),
         ("commit_type('WIP: stuff')", "None")],
        "import re\n"
        "match = re.match(r'([a-z]+)([(][^)]*[)])?!?: ', subject)\n"
        "return match.group(1) if match else None",
        arrow=True,
    ),
    Task(
        "query_param", "(url: str, name: str) -> str | None",
        "Return the decoded value of the first query parameter called name in a "
        "URL, or None if the URL has no such parameter.",
        [("query_param('https://x.com/search?q=red+shoes&page=2', 'q')", "'red shoes'"),
         ("query_param('https://x.com/search?q=a', 'page')", "None")],
        [("query_param('https://x.com/?tag=a&tag=b', 'tag')", "'a'"),
         ("query_param('https://x.com/', 'q')", "None"),
         ("query_param('/r?next=%2Fhome%3Fa%3D1', 'next')", "'/home?a=1'"),
         ("query_param('https://x.com/?flag=&q=1', 'flag')", "''")],
        "from urllib.parse import parse_qs, urlsplit\n"
        "values = parse_qs(urlsplit(url).query, keep_blank_values=True).get(name)\n"
        "return values[0] if values else None",
        arrow=True,
    ),
    Task(
        "find_version", "(text: str) -> str | None",
        "Return the first version number written as three dot-separated "
        "numbers, such as '3.11.4', in text, or None if there is none.",
        [("find_version('Python 3.11.4 (main, Jun  7 2023)')", "'3.11.4'"),
         ("find_version('no version here')", "None")],
        [("find_version('node v20.10.0')", "'20.10.0'"), ("find_version('version 1.2')", "None"),
         ("find_version('upgrade 1.2.3 to 1.3.0')", "'1.2.3'"), ("find_version('')", "None")],
        "import re\n"
        "match = re.search(r'[0-9]+[.][0-9]+[.][0-9]+', text)\n"
        "return match.group() if match else None",
        arrow=True,
    ),
    Task(
        "previous_page", "(page: int) -> int | None",
        "Return the number of the page before page, for a 'Previous' link, or "
        "None on the first page.",
        [("previous_page(3)", "2"), ("previous_page(1)", "None")],
        [("previous_page(2)", "1"), ("previous_page(100)", "99"), ("previous_page(11)", "10")],
        "return page - 1 if page > 1 else None",
        arrow=True,
    ),
    Task(
        "unique_mode", "(values)",
        "Return the value that occurs most often, or None if the list is empty "
        "or several values tie for the most occurrences.",
        [("unique_mode([1, 2, 2, 3])", "2"), ("unique_mode([1, 1, 2, 2])", "None")],
        [("unique_mode([])", "None"), ("unique_mode(['a'])", "'a'"),
         ("unique_mode(['x', 'y', 'y', 'x', 'y'])", "'y'"), ("unique_mode([0, 0, 5])", "0")],
        "from statistics import multimode\n"
        "modes = multimode(values)\n"
        "return modes[0] if len(modes) == 1 else None",
        arrow=True,
    ),
    Task(
        "majority_winner", "(votes: list[str]) -> str | None",
        "Return the candidate who received more than half of the votes, or None "
        "if nobody did.",
        [("majority_winner(['ann', 'bob', 'ann'])", "'ann'"),
         ("majority_winner(['ann', 'bob'])", "None")],
        [("majority_winner([])", "None"), ("majority_winner(['cy'])", "'cy'"),
         ("majority_winner(['a', 'b', 'a', 'c'])", "None"),
         ("majority_winner(['x', 'y', 'x', 'x', 'y'])", "'x'")],
        "from collections import Counter\n"
        "for candidate, count in Counter(votes).items():\n"
        "    if count * 2 > len(votes):\n"
        "        return candidate\n"
        "return None",
        arrow=True,
    ),
    Task(
        "shipping_rate", "(country: str, rates: dict[str, float]) -> float | None",
        "Return the shipping rate for a two-letter country code, matched "
        "case-insensitively against the uppercase codes in rates and falling "
        "back to the rate under '*' if there is one; None if the order cannot "
        "be shipped there.",
        [("shipping_rate('us', {'US': 5.0, 'CA': 8.0})", "5.0"),
         ("shipping_rate('FR', {'US': 5.0})", "None")],
        [("shipping_rate('FR', {'US': 5.0, '*': 20.0})", "20.0"),
         ("shipping_rate('ca', {'CA': 0.0, '*': 15.0})", "0.0"),
         ("shipping_rate('de', {})", "None")],
        "code = country.upper()\n"
        "if code in rates:\n"
        "    return rates[code]\n"
        "return rates.get('*')",
        arrow=True,
    ),
]


def main() -> int:
    return write_set(TASKS, BANNED, OUT, "blind6", check)


if __name__ == "__main__":
    sys.exit(main())

"""Write tests/bench/everyday_blind8.jsonl: 100 held-out everyday tasks (the eighth set).

Each task carries a reference body. Before anything is written, every stub is
completed with its reference body and run in a fresh `python3` subprocess
against its given and hidden asserts, its docstring examples are parsed back
and compared with the given tests, and every example's expected text must be
the repr of the reference result (doctest-style stubs are also run through
doctest). The file is only written when all 100 tasks pass.

Function names avoid every name used by the earlier everyday sets, the seventh
set's tasks included (BANNED). Every task has exactly two given examples and
three or four hidden tests. Signatures without a return annotation are counted
by the type of their examples' results.

Run: python3 tests/bench/make_blind8.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
# The task record (third set), the set writer (fourth set) and the check with exactly two
# examples and three or four hidden tests (fifth set).
import make_blind7
from make_blind3 import Task
from make_blind4 import write_set
from make_blind5 import check

OUT = Path(__file__).with_name("everyday_blind8.jsonl")

# Every name of the earlier sets and of the seventh set's tasks.
BANNED = make_blind7.BANNED | {task.name for task in make_blind7.TASKS}


TASKS: list[Task] = [
    # ------------------------------------------------------------------ str
    Task(
        "format_plate", "(reg: str) -> str",
        "Format a UK car registration for display: remove all spaces, "
        "uppercase it, and put a single space before the last three "
        "characters. A registration of three characters or fewer is only "
        "uppercased, with its spaces removed.",
        [("format_plate('ab12cde')", "'AB12 CDE'"), ("format_plate(' AB12  CDE ')", "'AB12 CDE'")],
        [("format_plate('k123abc')", "'K123 ABC'"), ("format_plate('a1bcd')", "'A1 BCD'"),
         ("format_plate('abc')", "'ABC'"), ("format_plate('')", "''")],
        "reg = reg.replace(' ', '').upper()\n"
        "return f'{reg[:-3]} {reg[-3:]}' if len(reg) > 3 else reg",
        arrow=True,
    ),
    Task(
        "format_sort_code", "(digits) -> str",
        "Format a six-digit UK bank sort code as three pairs of digits joined "
        "by hyphens. The input may already contain spaces or hyphens, which "
        "are ignored.",
        [("format_sort_code('123456')", "'12-34-56'"), ("format_sort_code('12 34 56')", "'12-34-56'")],
        [("format_sort_code('40-47-84')", "'40-47-84'"), ("format_sort_code('000000')", "'00-00-00'"),
         ("format_sort_code(' 20-00 00 ')", "'20-00-00'")],
        "digits = ''.join(ch for ch in digits if ch.isdigit())\n"
        "return '-'.join(digits[i:i + 2] for i in range(0, 6, 2))",
    ),
    Task(
        "ssh_command", "(user: str, host: str, port: int = 22) -> str",
        "Build the shell command that opens an SSH session as user on host: "
        "'ssh user@host', with '-p PORT' placed before the destination when "
        "the port is not the default 22.",
        [("ssh_command('deploy', 'web1.example.com')", "'ssh deploy@web1.example.com'"),
         ("ssh_command('root', '10.0.0.5', 2222)", "'ssh -p 2222 root@10.0.0.5'")],
        [("ssh_command('ann', 'box', 22)", "'ssh ann@box'"),
         ("ssh_command('git', 'github.com', 443)", "'ssh -p 443 git@github.com'"),
         ("ssh_command('pi', 'raspberrypi.local', port=2200)", "'ssh -p 2200 pi@raspberrypi.local'")],
        "flag = '' if port == 22 else f'-p {port} '\n"
        "return f'ssh {flag}{user}@{host}'",
        arrow=True,
    ),
    Task(
        "leaderboard_line", "(name: str, score: int, width: int = 20) -> str",
        "Format one row of an arcade high-score table: the name on the left, "
        "the score on the right, and dots in between so that the row is "
        "exactly width characters long. There is always at least one dot, "
        "even when that makes the row longer than width.",
        [("leaderboard_line('ANN', 1200)", "'ANN.............1200'"),
         ("leaderboard_line('BOB', 50, 10)", "'BOB.....50'")],
        [("leaderboard_line('VERYLONGNAME', 123456, 10)", "'VERYLONGNAME.123456'"),
         ("leaderboard_line('X', 0, 3)", "'X.0'"), ("leaderboard_line('A', 7, 2)", "'A.7'"),
         ("leaderboard_line('ZED', -5, 8)", "'ZED...-5'")],
        "score_text = str(score)\n"
        "dots = max(1, width - len(name) - len(score_text))\n"
        "return name + '.' * dots + score_text",
    ),
    Task(
        "first_words", "(text: str, count: int) -> str",
        "Make a preview of a post: its first count words joined by single "
        "spaces, followed by ' ...' when any words were left out. Words are "
        "separated by whitespace.",
        [("first_words('The quick brown fox jumps', 3)", "'The quick brown ...'"),
         ("first_words('Hello   world', 5)", "'Hello world'")],
        [("first_words('', 3)", "''"), ("first_words('one two three', 3)", "'one two three'"),
         ("first_words('  leading spaces here ', 2)", "'leading spaces ...'"),
         ("first_words(\"don't stop-me now\", 2)", "\"don't stop-me ...\"")],
        "words = text.split()\n"
        "preview = ' '.join(words[:count])\n"
        "return preview + ' ...' if len(words) > count else preview",
        arrow=True,
    ),
    Task(
        "order_by_clause", "(sort: str) -> str",
        "Turn the sort parameter of an API request into an SQL ORDER BY "
        "clause. The parameter lists field names separated by commas; a field "
        "with a leading '-' is sorted descending and any other field "
        "ascending, as in 'ORDER BY name ASC'.",
        [("order_by_clause('name')", "'ORDER BY name ASC'"),
         ("order_by_clause('-created_at,name')", "'ORDER BY created_at DESC, name ASC'")],
        [("order_by_clause('-price')", "'ORDER BY price DESC'"),
         ("order_by_clause('a,b,-c')", "'ORDER BY a ASC, b ASC, c DESC'"),
         ("order_by_clause('-score,-id')", "'ORDER BY score DESC, id DESC'")],
        "parts = []\n"
        "for field in sort.split(','):\n"
        "    if field.startswith('-'):\n"
        "        parts.append(f'{field[1:]} DESC')\n"
        "    else:\n"
        "        parts.append(f'{field} ASC')\n"
        "return 'ORDER BY ' + ', '.join(parts)",
    ),
    Task(
        "tennis_game_score", "(server: int, receiver: int) -> str",
        "Call the score of a tennis game from the points each player has won, "
        "server first. A player with at least 4 points and a lead of at least "
        "2 has won: 'game server' or 'game receiver'. Otherwise, once both "
        "have at least 3 points, equal points are 'deuce' and a one-point "
        "lead is 'advantage server' or 'advantage receiver'. Otherwise points "
        "0, 1, 2, 3 are called 'love', '15', '30', '40', server first, as in "
        "'15-love', and equal scores are called with 'all', as in '30-all'.",
        [("tennis_game_score(2, 0)", "'30-love'"), ("tennis_game_score(4, 3)", "'advantage server'")],
        [("tennis_game_score(3, 3)", "'deuce'"), ("tennis_game_score(1, 1)", "'15-all'"),
         ("tennis_game_score(2, 4)", "'game receiver'"), ("tennis_game_score(0, 3)", "'love-40'")],
        "calls = ['love', '15', '30', '40']\n"
        "if max(server, receiver) >= 4 and abs(server - receiver) >= 2:\n"
        "    return 'game server' if server > receiver else 'game receiver'\n"
        "if server >= 3 and receiver >= 3:\n"
        "    if server == receiver:\n"
        "        return 'deuce'\n"
        "    return 'advantage server' if server > receiver else 'advantage receiver'\n"
        "if server == receiver:\n"
        "    return f'{calls[server]}-all'\n"
        "return f'{calls[server]}-{calls[receiver]}'",
        arrow=True,
    ),
    Task(
        "hangman_mask", "(word: str, guessed: str) -> str",
        "Show a hangman word with every letter that has not been guessed "
        "replaced by '_'. guessed holds the letters guessed so far; matching "
        "ignores case, and characters that are not letters, such as hyphens "
        "and apostrophes, are always shown.",
        [("hangman_mask('banana', 'an')", "'_anana'"), ("hangman_mask('Python', 'tyo')", "'_yt_o_'")],
        [("hangman_mask('ice-cream', 'e')", "'__e-__e__'"), ("hangman_mask('Word', '')", "'____'"),
         ("hangman_mask(\"o'clock\", 'OCLK')", "\"o'clock\""), ("hangman_mask('Apple', 'a')", "'A____'")],
        "guessed = guessed.lower()\n"
        "return ''.join(ch if not ch.isalpha() or ch.lower() in guessed else '_' for ch in word)",
    ),
    Task(
        "wordle_feedback", "(guess: str, answer: str) -> str",
        "Score a word-game guess against the answer, both lowercase and of "
        "the same length. Each position gets 'G' when its letter is the "
        "answer's letter there, 'Y' when the letter is elsewhere in the "
        "answer, and '.' otherwise. Each answer letter is used only once: the "
        "'G' positions are matched first, then the other guess letters are "
        "given 'Y' from left to right while unmatched copies of that letter "
        "remain in the answer.",
        [("wordle_feedback('crane', 'caper')", "'GYY.Y'"),
         ("wordle_feedback('speed', 'abide')", "'..Y.Y'")],
        [("wordle_feedback('apple', 'apple')", "'GGGGG'"), ("wordle_feedback('lolly', 'hello')", "'.YGG.'"),
         ("wordle_feedback('abc', 'xyz')", "'...'"), ("wordle_feedback('eerie', 'there')", "'Y.Y.G'")],
        "from collections import Counter\n"
        "unmatched = Counter(a for g, a in zip(guess, answer) if g != a)\n"
        "marks = []\n"
        "for g, a in zip(guess, answer):\n"
        "    if g == a:\n"
        "        marks.append('G')\n"
        "    elif unmatched[g] > 0:\n"
        "        marks.append('Y')\n"
        "        unmatched[g] -= 1\n"
        "    else:\n"
        "        marks.append('.')\n"
        "return ''.join(marks)",
        arrow=True,
    ),
    Task(
        "receipt_line", "(item: str, price: float, width: int = 24) -> str",
        "Format a line of a till receipt, width characters long: the item "
        "name on the left and the price with two decimals on the right, with "
        "spaces in between. An item name too long to fit is cut short so "
        "that one space remains before the price.",
        [("receipt_line('Coffee', 3.5)", "'Coffee              3.50'"),
         ("receipt_line('Blueberry muffin', 2.25, 20)", "'Blueberry muffi 2.25'")],
        [("receipt_line('Tea', 12, 10)", "'Tea  12.00'"), ("receipt_line('Water', 0, 12)", "'Water   0.00'"),
         ("receipt_line('Sandwich', 104.5, 12)", "'Sandw 104.50'")],
        "price_text = f'{price:.2f}'\n"
        "name = item[:max(0, width - len(price_text) - 1)]\n"
        "return name + ' ' * (width - len(name) - len(price_text)) + price_text",
    ),
    Task(
        "content_disposition", "(filename: str) -> str",
        "Return the Content-Disposition header value that makes a browser "
        "download a file under the given name, as in 'attachment; "
        "filename=\"report.pdf\"'. Any double quotes in the name are removed.",
        [("content_disposition('report.pdf')", "'attachment; filename=\"report.pdf\"'"),
         ("content_disposition('Q1 sales.xlsx')", "'attachment; filename=\"Q1 sales.xlsx\"'")],
        [("content_disposition('a\"b.txt')", "'attachment; filename=\"ab.txt\"'"),
         ("content_disposition('')", "'attachment; filename=\"\"'"),
         ("content_disposition('data-2024.json')", "'attachment; filename=\"data-2024.json\"'")],
        "name = filename.replace('\"', '')\n"
        "return f'attachment; filename=\"{name}\"'",
    ),
    Task(
        "format_iban", "(iban: str) -> str",
        "Format an IBAN for display: spaces removed, letters uppercased, then "
        "split into groups of four characters separated by single spaces "
        "(the last group may be shorter).",
        [("format_iban('gb82west12345698765432')", "'GB82 WEST 1234 5698 7654 32'"),
         ("format_iban('DE89 3704 0044 0532 0130 00')", "'DE89 3704 0044 0532 0130 00'")],
        [("format_iban('')", "''"), ("format_iban('nl91abna0417164300')", "'NL91 ABNA 0417 1643 00'"),
         ("format_iban('  be68 5390 0754 7034 ')", "'BE68 5390 0754 7034'")],
        "compact = iban.replace(' ', '').upper()\n"
        "return ' '.join(compact[i:i + 4] for i in range(0, len(compact), 4))",
        arrow=True,
    ),
    Task(
        "tab_title", "(title, unread) -> str",
        "Return the browser tab title of a mail app: the title followed by "
        "the unread count in parentheses, as in 'Inbox (3)', or just the "
        "title when nothing is unread.",
        [("tab_title('Inbox', 3)", "'Inbox (3)'"), ("tab_title('Inbox', 0)", "'Inbox'")],
        [("tab_title('Spam', 1)", "'Spam (1)'"), ("tab_title('Work', 120)", "'Work (120)'"),
         ("tab_title('Sent Items', 0)", "'Sent Items'")],
        "return f'{title} ({unread})' if unread else title",
    ),
    Task(
        "reply_subject", "(subject: str) -> str",
        "Return the subject line of a reply: 'Re: ' followed by the subject, "
        "unless the subject already starts with 'Re:' in any letter case, in "
        "which case it is returned unchanged.",
        [("reply_subject('Lunch on Friday?')", "'Re: Lunch on Friday?'"),
         ("reply_subject('RE: Invoice 42')", "'RE: Invoice 42'")],
        [("reply_subject('')", "'Re: '"), ("reply_subject('re:hello')", "'re:hello'"),
         ("reply_subject('Fwd: Photos')", "'Re: Fwd: Photos'"),
         ("reply_subject('Regarding the plan')", "'Re: Regarding the plan'")],
        "return subject if subject[:3].lower() == 're:' else 'Re: ' + subject",
        arrow=True,
    ),
    Task(
        "stamped_filename", "(filename: str, stamp: str) -> str",
        "Insert a stamp into a file name before its extension, joined with a "
        "hyphen, as in 'report-2024-03-09.pdf', so that backups sort by date. "
        "The extension is the part after the last dot; a name without a dot, "
        "or whose only dot is its first character (a hidden file such as "
        "'.bashrc'), gets the stamp at the end.",
        [("stamped_filename('report.pdf', '2024-03-09')", "'report-2024-03-09.pdf'"),
         ("stamped_filename('Makefile', 'v2')", "'Makefile-v2'")],
        [("stamped_filename('archive.tar.gz', '01')", "'archive.tar-01.gz'"),
         ("stamped_filename('.bashrc', 'old')", "'.bashrc-old'"),
         ("stamped_filename('photo.final.JPG', 'x')", "'photo.final-x.JPG'")],
        "stem, _, ext = filename.rpartition('.')\n"
        "if not stem:\n"
        "    return f'{filename}-{stamp}'\n"
        "return f'{stem}-{stamp}.{ext}'",
    ),
    Task(
        "next_copy_name", "(filename: str, existing: list[str]) -> str",
        "Choose a name for a copied file that does not clash with the existing "
        "names: filename itself if it is free, otherwise the name with ' (2)', "
        "' (3)', ... inserted before the extension, using the smallest number "
        "that is free. The extension starts at the last dot; a name without a "
        "dot gets the number at the end.",
        [("next_copy_name('cv.pdf', ['cv.pdf'])", "'cv (2).pdf'"),
         ("next_copy_name('notes.txt', ['todo.txt'])", "'notes.txt'")],
        [("next_copy_name('cv.pdf', ['cv.pdf', 'cv (2).pdf', 'cv (4).pdf'])", "'cv (3).pdf'"),
         ("next_copy_name('README', ['README'])", "'README (2)'"),
         ("next_copy_name('a.tar.gz', ['a.tar.gz'])", "'a.tar (2).gz'"),
         ("next_copy_name('x.txt', [])", "'x.txt'")],
        "if filename not in existing:\n"
        "    return filename\n"
        "stem, dot, ext = filename.rpartition('.')\n"
        "if not dot:\n"
        "    stem, ext = filename, ''\n"
        "number = 2\n"
        "while f'{stem} ({number}){dot}{ext}' in existing:\n"
        "    number += 1\n"
        "return f'{stem} ({number}){dot}{ext}'",
        arrow=True,
    ),
    Task(
        "badge_text", "(count) -> str",
        "Return the text of a notification badge: '' when count is 0 or less, "
        "the number itself up to 99, and '99+' for anything larger.",
        [("badge_text(5)", "'5'"), ("badge_text(250)", "'99+'")],
        [("badge_text(0)", "''"), ("badge_text(99)", "'99'"), ("badge_text(100)", "'99+'"),
         ("badge_text(-3)", "''")],
        "if count <= 0:\n"
        "    return ''\n"
        "return str(count) if count <= 99 else '99+'",
    ),
    Task(
        "markdown_heading", "(text: str, level: int = 1) -> str",
        "Return a Markdown heading: level '#' characters, a space, and the "
        "text with surrounding whitespace stripped. Levels below 1 are "
        "treated as 1 and levels above 6 as 6.",
        [("markdown_heading('Install')", "'# Install'"), ("markdown_heading('Usage', 3)", "'### Usage'")],
        [("markdown_heading('  Notes ', 2)", "'## Notes'"), ("markdown_heading('Deep', 9)", "'###### Deep'"),
         ("markdown_heading('Top', 0)", "'# Top'")],
        "level = min(max(level, 1), 6)\n"
        "return '#' * level + ' ' + text.strip()",
        arrow=True,
    ),
    Task(
        "nato_spell", "(code: str) -> str",
        "Spell a booking reference over the phone with the NATO alphabet "
        "(Alfa, Bravo, Charlie, Delta, Echo, Foxtrot, Golf, Hotel, India, "
        "Juliett, Kilo, Lima, Mike, November, Oscar, Papa, Quebec, Romeo, "
        "Sierra, Tango, Uniform, Victor, Whiskey, X-ray, Yankee, Zulu): each "
        "letter A to Z, in either case, becomes its code word, each digit "
        "stays as it is, anything else is skipped, and the results are "
        "separated by spaces.",
        [("nato_spell('AB1')", "'Alfa Bravo 1'"), ("nato_spell('kz-9')", "'Kilo Zulu 9'")],
        [("nato_spell('')", "''"), ("nato_spell('Xray')", "'X-ray Romeo Alfa Yankee'"),
         ("nato_spell('J 42')", "'Juliett 4 2'")],
        "words = ('Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima '\n"
        "         'Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey '\n"
        "         'X-ray Yankee Zulu').split()\n"
        "parts = []\n"
        "for ch in code.upper():\n"
        "    if 'A' <= ch <= 'Z':\n"
        "        parts.append(words[ord(ch) - ord('A')])\n"
        "    elif '0' <= ch <= '9':\n"
        "        parts.append(ch)\n"
        "return ' '.join(parts)",
        arrow=True,
    ),
    Task(
        "short_log_line", "(sha, subject)",
        "Format a commit for a one-line log: the first seven characters of "
        "its hash, a space, and the subject with surrounding whitespace "
        "removed.",
        [("short_log_line('e83c5163316f89bfbde7d9ab23ca2e25604af290', 'Initial commit')",
          "'e83c516 Initial commit'"),
         ("short_log_line('abc', '  Fix typo ')", "'abc Fix typo'")],
        [("short_log_line('0123456789', 'Bump version')", "'0123456 Bump version'"),
         ("short_log_line('1234567', '')", "'1234567 '"),
         ("short_log_line('deadbeefcafe', 'Merge branch main')", "'deadbee Merge branch main'")],
        "return f'{sha[:7]} {subject.strip()}'",
    ),
    # ----------------------------------------------------------------- bool
    Task(
        "is_anniversary", "(start: str, today: str) -> bool",
        "Return True if today is an anniversary of start: the same month and "
        "day in a later year. Both are ISO dates 'YYYY-MM-DD'. A start date "
        "of 29 February is celebrated on 28 February in years that are not "
        "leap years.",
        [("is_anniversary('2020-06-15', '2024-06-15')", "True"),
         ("is_anniversary('2024-06-15', '2024-06-15')", "False")],
        [("is_anniversary('2020-02-29', '2023-02-28')", "True"),
         ("is_anniversary('2020-02-29', '2024-02-28')", "False"),
         ("is_anniversary('2020-02-29', '2024-02-29')", "True"),
         ("is_anniversary('2019-01-01', '2020-01-02')", "False")],
        "import calendar\n"
        "start_year, start_month, start_day = map(int, start.split('-'))\n"
        "year, month, day = map(int, today.split('-'))\n"
        "if year <= start_year or month != start_month:\n"
        "    return False\n"
        "if (start_month, start_day) == (2, 29) and not calendar.isleap(year):\n"
        "    return day == 28\n"
        "return day == start_day",
        arrow=True,
    ),
    Task(
        "is_breaking_upgrade", "(current: str, target: str) -> bool",
        "Decide whether moving a dependency from version current to version "
        "target, both 'MAJOR.MINOR.PATCH', may break things under semantic "
        "versioning: True when the major number goes up, or, when the major "
        "number is 0 in both, when the minor number goes up. Downgrades and "
        "equal versions are not breaking.",
        [("is_breaking_upgrade('1.4.2', '2.0.0')", "True"),
         ("is_breaking_upgrade('1.4.2', '1.9.0')", "False")],
        [("is_breaking_upgrade('0.3.1', '0.4.0')", "True"),
         ("is_breaking_upgrade('0.3.1', '0.3.9')", "False"),
         ("is_breaking_upgrade('2.1.0', '1.9.9')", "False"),
         ("is_breaking_upgrade('0.9.0', '1.0.0')", "True")],
        "old = [int(part) for part in current.split('.')]\n"
        "new = [int(part) for part in target.split('.')]\n"
        "if new[0] != old[0]:\n"
        "    return new[0] > old[0]\n"
        "return new[0] == 0 and new[1] > old[1]",
    ),
    Task(
        "has_bingo", "(marked: list[list[bool]]) -> bool",
        "Return True if a square bingo card has a complete line: a row, a "
        "column, or one of the two diagonals in which every square is marked.",
        [("has_bingo([[True, True, True], [False, False, False], [False, True, False]])", "True"),
         ("has_bingo([[True, False, False], [False, False, True], [False, True, False]])", "False")],
        [("has_bingo([[False, True, False], [False, True, False], [True, True, False]])", "True"),
         ("has_bingo([[False, False, True], [False, True, False], [True, False, False]])", "True"),
         ("has_bingo([[False, False], [False, False]])", "False"), ("has_bingo([[True]])", "True")],
        "size = len(marked)\n"
        "lines = [list(row) for row in marked]\n"
        "lines += [[marked[row][col] for row in range(size)] for col in range(size)]\n"
        "lines.append([marked[i][i] for i in range(size)])\n"
        "lines.append([marked[i][size - 1 - i] for i in range(size)])\n"
        "return any(all(line) for line in lines)",
        arrow=True,
    ),
    Task(
        "sudoku_row_ok", "(row: list[int]) -> bool",
        "Check one row of a Sudoku being filled in, where 0 marks an empty "
        "cell. The row is valid when every cell holds 0 or a digit from 1 to "
        "9 and no digit from 1 to 9 appears more than once.",
        [("sudoku_row_ok([5, 3, 0, 0, 7, 0, 0, 0, 0])", "True"),
         ("sudoku_row_ok([5, 3, 0, 0, 5, 0, 0, 0, 0])", "False")],
        [("sudoku_row_ok([0, 0, 0, 0, 0, 0, 0, 0, 0])", "True"),
         ("sudoku_row_ok([1, 2, 3, 4, 5, 6, 7, 8, 9])", "True"),
         ("sudoku_row_ok([1, 2, 3, 4, 5, 6, 7, 8, 10])", "False"),
         ("sudoku_row_ok([-1, 0, 0, 0, 0, 0, 0, 0, 0])", "False")],
        "digits = [cell for cell in row if cell != 0]\n"
        "return all(1 <= cell <= 9 for cell in digits) and len(digits) == len(set(digits))",
    ),
    Task(
        "is_valid_routing_number", "(number: str) -> bool",
        "Validate a US bank routing number: exactly nine digits d1 to d9 such "
        "that 3 * (d1 + d4 + d7) + 7 * (d2 + d5 + d8) + (d3 + d6 + d9) is a "
        "multiple of 10.",
        [("is_valid_routing_number('021000021')", "True"),
         ("is_valid_routing_number('123456789')", "False")],
        [("is_valid_routing_number('011000015')", "True"),
         ("is_valid_routing_number('02100002')", "False"),
         ("is_valid_routing_number('02100002a')", "False"),
         ("is_valid_routing_number('0210000210')", "False")],
        "import re\n"
        "if not re.fullmatch(r'[0-9]{9}', number):\n"
        "    return False\n"
        "d = [int(ch) for ch in number]\n"
        "total = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]\n"
        "return total % 10 == 0",
        arrow=True,
    ),
    Task(
        "is_speeding", "(speed, limit, tolerance=5) -> bool",
        "Return True if a speed camera should flag a vehicle: its speed is "
        "more than tolerance above the limit.",
        [("is_speeding(58, 50)", "True"), ("is_speeding(55, 50)", "False")],
        [("is_speeding(56, 50)", "True"), ("is_speeding(40, 30, 0)", "True"),
         ("is_speeding(30, 30, 0)", "False"), ("is_speeding(72.5, 70, 2.5)", "False")],
        "return speed > limit + tolerance",
    ),
    Task(
        "is_allowed_origin", "(origin: str, allowed: list[str]) -> bool",
        "Check a request's Origin header against a CORS allow-list, ignoring "
        "letter case. An entry matches when it equals the origin, when it is "
        "'*', or when it has the form 'SCHEME://*.DOMAIN' and the origin has "
        "that scheme and a host that is a subdomain of DOMAIN (DOMAIN itself "
        "does not match).",
        [("is_allowed_origin('https://app.example.com', ['https://app.example.com'])", "True"),
         ("is_allowed_origin('https://evil.com', ['https://*.example.com'])", "False")],
        [("is_allowed_origin('https://API.example.com', ['https://*.example.com'])", "True"),
         ("is_allowed_origin('https://example.com', ['https://*.example.com'])", "False"),
         ("is_allowed_origin('http://localhost:3000', ['https://a.io', '*'])", "True"),
         ("is_allowed_origin('https://evilexample.com', ['https://*.example.com'])", "False")],
        "origin = origin.lower()\n"
        "for entry in allowed:\n"
        "    entry = entry.lower()\n"
        "    if entry in ('*', origin):\n"
        "        return True\n"
        "    prefix, star, domain = entry.partition('*.')\n"
        "    if star and origin.startswith(prefix) and origin.endswith('.' + domain):\n"
        "        if len(origin) > len(prefix) + len(domain) + 1:\n"
        "            return True\n"
        "return False",
        arrow=True,
    ),
    Task(
        "trial_expired", "(signup: str, today: str, days: int = 14) -> bool",
        "Return True if a free trial that started on the ISO date signup "
        "('YYYY-MM-DD') has run out: it lasts days days, so it has expired "
        "once today is days or more days after signup.",
        [("trial_expired('2024-03-01', '2024-03-15')", "True"),
         ("trial_expired('2024-03-01', '2024-03-14')", "False")],
        [("trial_expired('2024-02-20', '2024-03-05')", "True"),
         ("trial_expired('2024-02-20', '2024-03-04')", "False"),
         ("trial_expired('2024-01-01', '2024-01-31', 30)", "True"),
         ("trial_expired('2024-05-10', '2024-05-01')", "False")],
        "from datetime import date\n"
        "return (date.fromisoformat(today) - date.fromisoformat(signup)).days >= days",
    ),
    Task(
        "all_answered", "(answers: dict[str, str]) -> bool",
        "Return True if every question of a survey has an answer, that is, no "
        "value in answers is empty or only whitespace. A survey with no "
        "questions counts as answered.",
        [("all_answered({'name': 'Ann', 'age': '34'})", "True"),
         ("all_answered({'name': 'Ann', 'city': '  '})", "False")],
        [("all_answered({})", "True"), ("all_answered({'q1': ''})", "False"),
         ("all_answered({'q1': ' yes '})", "True")],
        "return all(value.strip() for value in answers.values())",
    ),
    Task(
        "answer_matches", "(selected: list[str], correct: list[str]) -> bool",
        "Mark a multiple-choice question on which several options may be "
        "right: True when the selected option letters are exactly the correct "
        "ones, in any order and ignoring case and repeats.",
        [("answer_matches(['b', 'a'], ['A', 'B'])", "True"), ("answer_matches(['A'], ['A', 'C'])", "False")],
        [("answer_matches(['a', 'A', 'c'], ['C', 'a'])", "True"), ("answer_matches([], [])", "True"),
         ("answer_matches(['A', 'B', 'C'], ['A', 'B'])", "False"), ("answer_matches([], ['D'])", "False")],
        "return {option.upper() for option in selected} == {option.upper() for option in correct}",
        arrow=True,
    ),
    Task(
        "is_valid_hashtag", "(tag: str) -> bool",
        "Check a hashtag typed by a user: '#' followed by one or more ASCII "
        "letters, digits or underscores, at least one of which is a letter.",
        [("is_valid_hashtag('#tbt')", "True"), ("is_valid_hashtag('#2024')", "False")],
        [("is_valid_hashtag('#summer_2024')", "True"), ("is_valid_hashtag('tbt')", "False"),
         ("is_valid_hashtag('#')", "False"), ("is_valid_hashtag('#new-year')", "False")],
        "import re\n"
        "return re.fullmatch(r'#[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*', tag) is not None",
        arrow=True,
    ),
    Task(
        "bag_over_limit", "(weights: list[float], limit: float = 23.0) -> bool",
        "Return True if a suitcase is over the airline's weight limit in "
        "kilograms, given the weights of the things packed in it. A bag "
        "exactly at the limit is allowed.",
        [("bag_over_limit([10.5, 8.0, 5.0])", "True"), ("bag_over_limit([2.0, 3.5], 7)", "False")],
        [("bag_over_limit([])", "False"), ("bag_over_limit([23.0])", "False"),
         ("bag_over_limit([12, 11.5])", "True"), ("bag_over_limit([4, 4], 8)", "False")],
        "return sum(weights) > limit",
    ),
    Task(
        "is_cvv_valid", "(cvv: str, brand: str) -> bool",
        "Check a card security code: it must consist of digits only, four of "
        "them for an 'amex' card and three for any other brand. The brand is "
        "matched ignoring case.",
        [("is_cvv_valid('123', 'visa')", "True"), ("is_cvv_valid('123', 'amex')", "False")],
        [("is_cvv_valid('1234', 'AMEX')", "True"), ("is_cvv_valid('1234', 'mastercard')", "False"),
         ("is_cvv_valid('12a', 'visa')", "False"), ("is_cvv_valid('', 'visa')", "False")],
        "length = 4 if brand.lower() == 'amex' else 3\n"
        "return len(cvv) == length and all('0' <= ch <= '9' for ch in cvv)",
        arrow=True,
    ),
    Task(
        "has_quorum", "(present, members)",
        "Return True if a meeting has a quorum: strictly more than half of "
        "the members are present.",
        [("has_quorum(6, 10)", "True"), ("has_quorum(5, 10)", "False")],
        [("has_quorum(4, 7)", "True"), ("has_quorum(3, 7)", "False"), ("has_quorum(0, 0)", "False"),
         ("has_quorum(1, 1)", "True")],
        "return present * 2 > members",
    ),
    # ------------------------------------------------------------------ int
    Task(
        "free_coffees", "(stamps, per=9)",
        "Return how many free coffees a loyalty card's stamps pay for: one "
        "free coffee for every per stamps, with leftover stamps not counting "
        "yet.",
        [("free_coffees(20)", "2"), ("free_coffees(8)", "0")],
        [("free_coffees(9)", "1"), ("free_coffees(0)", "0"), ("free_coffees(25, 5)", "5"),
         ("free_coffees(24, 5)", "4")],
        "return stamps // per",
    ),
    Task(
        "sms_segments", "(text: str) -> int",
        "Return how many SMS messages it takes to send text: up to 160 "
        "characters fit in one message, and a longer text is split into "
        "parts of up to 153 characters each. An empty text still takes one "
        "message.",
        [("sms_segments('See you at 7')", "1"), ("sms_segments('x' * 200)", "2")],
        [("sms_segments('')", "1"), ("sms_segments('a' * 160)", "1"), ("sms_segments('a' * 161)", "2"),
         ("sms_segments('a' * 307)", "3")],
        "if len(text) <= 160:\n"
        "    return 1\n"
        "return -(-len(text) // 153)",
        arrow=True,
    ),
    Task(
        "added_line_count", "(diff: list[str]) -> int",
        "Count the added lines of a unified diff given as a list of lines: "
        "the lines starting with '+', not counting the '+++' file header "
        "lines.",
        [("added_line_count(['--- a/app.py', '+++ b/app.py', '@@ -1 +1,2 @@', ' import os', '+import sys'])",
          "1"),
         ("added_line_count([])", "0")],
        [("added_line_count(['+a', '+b', '-c'])", "2"), ("added_line_count(['+++ b/x', '+++ b/y'])", "0"),
         ("added_line_count(['+', ' +x', '+++'])", "1")],
        "return sum(1 for line in diff if line.startswith('+') and not line.startswith('+++'))",
    ),
    Task(
        "rem_to_px", "(rem, base=16) -> int",
        "Convert a CSS length in rem to whole pixels, given the root font "
        "size base in pixels, rounding to the nearest pixel with halves going "
        "to the even pixel, as Python's round does.",
        [("rem_to_px(1.5)", "24"), ("rem_to_px(2, 10)", "20")],
        [("rem_to_px(0)", "0"), ("rem_to_px(0.8)", "13"), ("rem_to_px(0.875, 14)", "12"),
         ("rem_to_px(1.25, 18)", "22")],
        "return round(rem * base)",
        arrow=True,
    ),
    Task(
        "mm_to_pixels", "(mm: float, dpi: int = 300) -> int",
        "Return how many pixels a length in millimetres covers when printed "
        "at dpi dots per inch (25.4 mm to the inch), rounded to the nearest "
        "whole pixel.",
        [("mm_to_pixels(25.4)", "300"), ("mm_to_pixels(210, 72)", "595")],
        [("mm_to_pixels(0)", "0"), ("mm_to_pixels(297)", "3508"), ("mm_to_pixels(85.6, 600)", "2022"),
         ("mm_to_pixels(10, 96)", "38")],
        "return round(mm / 25.4 * dpi)",
    ),
    Task(
        "year_from_two_digit", "(yy: int, pivot: int = 50) -> int",
        "Expand the two-digit year of a form field or card expiry: values "
        "below pivot are in the 2000s and values from pivot up to 99 are in "
        "the 1900s.",
        [("year_from_two_digit(24)", "2024"), ("year_from_two_digit(87)", "1987")],
        [("year_from_two_digit(0)", "2000"), ("year_from_two_digit(50)", "1950"),
         ("year_from_two_digit(49)", "2049"), ("year_from_two_digit(30, 30)", "1930")],
        "return 2000 + yy if yy < pivot else 1900 + yy",
        arrow=True,
    ),
    Task(
        "dice_face_total", "(dice, face) -> int",
        "Score a box of the upper section in a dice game like Yahtzee: the "
        "sum of the dice that show face.",
        [("dice_face_total([3, 3, 5, 3, 1], 3)", "9"), ("dice_face_total([1, 2, 4, 5, 6], 3)", "0")],
        [("dice_face_total([6, 6, 6, 6, 6], 6)", "30"), ("dice_face_total([], 2)", "0"),
         ("dice_face_total([1, 1, 2], 1)", "2")],
        "return face * dice.count(face)",
    ),
    Task(
        "seconds_until_next_run", "(now: int, every: int) -> int",
        "A job runs whenever the Unix time is a multiple of every seconds. "
        "Return how many seconds from now until its next run; when now is "
        "itself a run time the answer is 0.",
        [("seconds_until_next_run(100, 60)", "20"), ("seconds_until_next_run(120, 60)", "0")],
        [("seconds_until_next_run(0, 300)", "0"), ("seconds_until_next_run(1, 300)", "299"),
         ("seconds_until_next_run(3599, 3600)", "1"), ("seconds_until_next_run(86401, 86400)", "86399")],
        "return -now % every",
        arrow=True,
    ),
    Task(
        "backoff_delay", "(attempt: int, base: int = 1, cap: int = 60) -> int",
        "Return how many seconds to wait before retry number attempt "
        "(counting from 1) with exponential backoff: base seconds before the "
        "first retry, doubling for each later one, but never more than cap.",
        [("backoff_delay(1)", "1"), ("backoff_delay(4, 2)", "16")],
        [("backoff_delay(7)", "60"), ("backoff_delay(6)", "32"), ("backoff_delay(3, 5, 15)", "15"),
         ("backoff_delay(1, 10, 5)", "5")],
        "return min(base * 2 ** (attempt - 1), cap)",
    ),
    Task(
        "rps_winner", "(first: str, second: str) -> int",
        "Decide a round of rock-paper-scissors from the two players' moves, "
        "'rock', 'paper' or 'scissors' in any letter case: return 1 if the "
        "first player wins, 2 if the second wins and 0 for a tie. Rock beats "
        "scissors, scissors beats paper and paper beats rock.",
        [("rps_winner('rock', 'scissors')", "1"), ("rps_winner('rock', 'paper')", "2")],
        [("rps_winner('paper', 'paper')", "0"), ("rps_winner('Scissors', 'PAPER')", "1"),
         ("rps_winner('scissors', 'rock')", "2"), ("rps_winner('paper', 'rock')", "1")],
        "beats = {'rock': 'scissors', 'scissors': 'paper', 'paper': 'rock'}\n"
        "first, second = first.lower(), second.lower()\n"
        "if first == second:\n"
        "    return 0\n"
        "return 1 if beats[first] == second else 2",
        arrow=True,
    ),
    Task(
        "months_to_save", "(goal: float, monthly: float, saved: float = 0) -> int",
        "Return how many whole months it takes to reach a savings goal, "
        "starting from saved and putting aside monthly each month. If saved "
        "already reaches the goal the answer is 0.",
        [("months_to_save(1000, 150)", "7"), ("months_to_save(500, 100, 200)", "3")],
        [("months_to_save(300, 100, 300)", "0"), ("months_to_save(1200, 100)", "12"),
         ("months_to_save(1200.5, 100)", "13"), ("months_to_save(100, 30, 50)", "2")],
        "import math\n"
        "return max(0, math.ceil((goal - saved) / monthly))",
    ),
    Task(
        "bowling_score", "(rolls: list[int]) -> int",
        "Score a complete game of ten-pin bowling from the pins knocked down "
        "by each roll. Each of the ten frames has two rolls, unless its first "
        "roll knocks down all 10 pins (a strike), which scores 10 plus the "
        "next two rolls. A frame whose two rolls make 10 (a spare) scores 10 "
        "plus the next roll, and any other frame scores its pins. Bonus rolls "
        "after the tenth frame only count as bonuses.",
        [("bowling_score([10] * 12)", "300"), ("bowling_score([3, 4] * 10)", "70")],
        [("bowling_score([0] * 20)", "0"), ("bowling_score([5, 5] * 10 + [5])", "150"),
         ("bowling_score([10, 3, 4] + [0] * 16)", "24"), ("bowling_score([9, 1, 10] + [0] * 16)", "30")],
        "score = 0\n"
        "i = 0\n"
        "for _ in range(10):\n"
        "    if rolls[i] == 10:\n"
        "        score += 10 + rolls[i + 1] + rolls[i + 2]\n"
        "        i += 1\n"
        "    elif rolls[i] + rolls[i + 1] == 10:\n"
        "        score += 10 + rolls[i + 2]\n"
        "        i += 2\n"
        "    else:\n"
        "        score += rolls[i] + rolls[i + 1]\n"
        "        i += 2\n"
        "return score",
        arrow=True,
    ),
    Task(
        "longest_gap", "(times: list[int]) -> int",
        "Return the longest quiet period in a server log: the largest "
        "difference between two neighbouring timestamps once they are sorted. "
        "Fewer than two timestamps give 0.",
        [("longest_gap([10, 50, 20, 45])", "25"), ("longest_gap([7])", "0")],
        [("longest_gap([])", "0"), ("longest_gap([5, 5, 5])", "0"), ("longest_gap([100, 0])", "100"),
         ("longest_gap([1, 2, 4, 8])", "4")],
        "ordered = sorted(times)\n"
        "return max((b - a for a, b in zip(ordered, ordered[1:])), default=0)",
    ),
    Task(
        "race_points", "(position: int) -> int",
        "Return the championship points for a finishing position in a motor "
        "race: 25, 18, 15, 12, 10, 8, 6, 4, 2 and 1 for first to tenth place, "
        "and 0 for any other position.",
        [("race_points(1)", "25"), ("race_points(11)", "0")],
        [("race_points(10)", "1"), ("race_points(3)", "15"), ("race_points(0)", "0"),
         ("race_points(-1)", "0")],
        "points = [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]\n"
        "return points[position - 1] if 1 <= position <= 10 else 0",
        arrow=True,
    ),
    # ---------------------------------------------------------------- float
    Task(
        "typing_speed", "(chars: int, seconds: float) -> float",
        "Return a typing speed in words per minute, counting every 5 "
        "characters typed as one word, rounded to one decimal place. A test "
        "that took no time gives 0.0.",
        [("typing_speed(250, 60)", "50.0"), ("typing_speed(123, 30)", "49.2")],
        [("typing_speed(0, 30)", "0.0"), ("typing_speed(100, 0)", "0.0"), ("typing_speed(1000, 120)", "100.0"),
         ("typing_speed(7, 7)", "12.0")],
        "if seconds == 0:\n"
        "    return 0.0\n"
        "return round(chars / 5 / (seconds / 60), 1)",
        arrow=True,
    ),
    Task(
        "loan_to_value", "(loan, value) -> float",
        "Return a mortgage's loan-to-value ratio: the loan as a percentage of "
        "the property's value, rounded to one decimal place.",
        [("loan_to_value(180000, 200000)", "90.0"), ("loan_to_value(150000, 320000)", "46.9")],
        [("loan_to_value(0, 250000)", "0.0"), ("loan_to_value(250000, 250000)", "100.0"),
         ("loan_to_value(95000, 100000)", "95.0"), ("loan_to_value(1, 3)", "33.3")],
        "return round(loan / value * 100, 1)",
    ),
    Task(
        "price_after_discounts", "(price: float, discounts: list[float]) -> float",
        "Apply a series of percentage discounts one after another, each taken "
        "off the price left by the previous one, and return the final price "
        "rounded to two decimals.",
        [("price_after_discounts(100.0, [10, 20])", "72.0"), ("price_after_discounts(59.99, [])", "59.99")],
        [("price_after_discounts(200, [50])", "100.0"), ("price_after_discounts(80, [25, 25])", "45.0"),
         ("price_after_discounts(10, [100, 10])", "0.0"), ("price_after_discounts(19.99, [15])", "16.99")],
        "for discount in discounts:\n"
        "    price = price * (100 - discount) / 100\n"
        "return round(price, 2)",
        arrow=True,
    ),
    Task(
        "sleep_efficiency", "(asleep, in_bed) -> float",
        "Return the sleep efficiency shown by a sleep tracker: minutes asleep "
        "as a percentage of minutes in bed, rounded to one decimal place, or "
        "0.0 when no time was spent in bed.",
        [("sleep_efficiency(420, 480)", "87.5"), ("sleep_efficiency(0, 0)", "0.0")],
        [("sleep_efficiency(450, 450)", "100.0"), ("sleep_efficiency(200, 600)", "33.3"),
         ("sleep_efficiency(301, 420)", "71.7")],
        "if in_bed == 0:\n"
        "    return 0.0\n"
        "return round(asleep / in_bed * 100, 1)",
    ),
    Task(
        "ounces_to_grams", "(ounces: float) -> float",
        "Convert a weight in ounces to grams for a recipe, using 28.3495 "
        "grams per ounce and rounding to one decimal place.",
        [("ounces_to_grams(1)", "28.3"), ("ounces_to_grams(8)", "226.8")],
        [("ounces_to_grams(0)", "0.0"), ("ounces_to_grams(16)", "453.6"), ("ounces_to_grams(0.5)", "14.2"),
         ("ounces_to_grams(2.25)", "63.8")],
        "return round(ounces * 28.3495, 1)",
        arrow=True,
    ),
    Task(
        "mean_nonzero", "(readings: list[float]) -> float",
        "Average a sensor's readings, skipping the zeros it records when it "
        "drops out, rounded to two decimal places. Return 0.0 when there is "
        "no non-zero reading.",
        [("mean_nonzero([20.5, 0, 21.5, 0])", "21.0"), ("mean_nonzero([0, 0])", "0.0")],
        [("mean_nonzero([])", "0.0"), ("mean_nonzero([-2.0, 0, 4.0])", "1.0"), ("mean_nonzero([1, 2, 2])", "1.67"),
         ("mean_nonzero([3])", "3.0")],
        "values = [reading for reading in readings if reading != 0]\n"
        "return round(sum(values) / len(values), 2) if values else 0.0",
    ),
    Task(
        "batting_average", "(hits: int, at_bats: int) -> float",
        "Return a baseball batting average: hits divided by at-bats, rounded "
        "to three decimal places, or 0.0 for a player with no at-bats.",
        [("batting_average(30, 100)", "0.3"), ("batting_average(0, 0)", "0.0")],
        [("batting_average(1, 3)", "0.333"), ("batting_average(2, 3)", "0.667"),
         ("batting_average(45, 45)", "1.0"), ("batting_average(17, 60)", "0.283")],
        "return round(hits / at_bats, 3) if at_bats else 0.0",
        arrow=True,
    ),
    Task(
        "parcel_weight", "(items: list[tuple[float, int]], box: float = 0.5) -> float",
        "Return the shipping weight of a parcel in kilograms from (weight, "
        "quantity) pairs: each item's weight times its quantity, plus the "
        "weight of the box, rounded to two decimals.",
        [("parcel_weight([(1.2, 2), (0.3, 1)])", "3.2"), ("parcel_weight([], 0.25)", "0.25")],
        [("parcel_weight([(0.1, 3)])", "0.8"), ("parcel_weight([(2.5, 0)], 1.0)", "1.0"),
         ("parcel_weight([(0.333, 3), (1, 1)], 0)", "2.0")],
        "return round(sum(weight * quantity for weight, quantity in items) + box, 2)",
    ),
    Task(
        "energy_kwh", "(watts, hours)",
        "Return the energy that an appliance drawing the given power in watts "
        "uses over hours hours, in kilowatt-hours rounded to three decimal "
        "places.",
        [("energy_kwh(2000, 1.5)", "3.0"), ("energy_kwh(60, 5)", "0.3")],
        [("energy_kwh(0, 10)", "0.0"), ("energy_kwh(1500, 0.25)", "0.375"), ("energy_kwh(9, 24)", "0.216")],
        "return round(watts * hours / 1000, 3)",
        arrow=True,
    ),
    Task(
        "max_drawdown", "(prices: list[float]) -> float",
        "Return the maximum drawdown of a price history as a percentage: the "
        "largest fall from the highest price seen so far to a later price, "
        "relative to that high, rounded to two decimals. A history that "
        "never falls gives 0.0.",
        [("max_drawdown([100, 120, 90, 130, 110])", "25.0"), ("max_drawdown([1, 2, 3])", "0.0")],
        [("max_drawdown([])", "0.0"), ("max_drawdown([50, 40, 30, 60])", "40.0"),
         ("max_drawdown([10, 8, 12, 6])", "50.0"), ("max_drawdown([80, 100, 70, 75])", "30.0")],
        "peak = None\n"
        "worst = 0.0\n"
        "for price in prices:\n"
        "    if peak is None or price > peak:\n"
        "        peak = price\n"
        "    else:\n"
        "        worst = max(worst, (peak - price) / peak * 100)\n"
        "return round(worst, 2)",
        arrow=True,
    ),
    Task(
        "overtime_hours", "(daily: list[float], limit: float = 8) -> float",
        "Return the overtime on a timesheet: for each day the hours worked "
        "beyond limit, added up over all the days, as a float.",
        [("overtime_hours([9, 8, 10.5, 7])", "3.5"), ("overtime_hours([6, 7.5])", "0.0")],
        [("overtime_hours([])", "0.0"), ("overtime_hours([12], 10)", "2.0"), ("overtime_hours([8, 8, 8])", "0.0"),
         ("overtime_hours([9.25, 10], 9)", "1.25")],
        "return float(sum(max(0, hours - limit) for hours in daily))",
    ),
    Task(
        "final_exam_needed", "(current: float, weight: float, target: float) -> float",
        "Return the score a student needs on the final exam to finish the "
        "course with target, when the coursework average so far is current "
        "and the final exam counts for weight (a fraction between 0 and 1) "
        "of the grade. Scores are percentages; the result is rounded to one "
        "decimal place and may be above 100 or below 0.",
        [("final_exam_needed(80, 0.4, 85)", "92.5"), ("final_exam_needed(90, 0.5, 70)", "50.0")],
        [("final_exam_needed(60, 0.25, 90)", "180.0"), ("final_exam_needed(100, 0.5, 40)", "-20.0"),
         ("final_exam_needed(72.5, 0.3, 75)", "80.8")],
        "return round((target - current * (1 - weight)) / weight, 1)",
        arrow=True,
    ),
    # ----------------------------------------------------------------- list
    Task(
        "quote_lines", "(lines: list[str]) -> list[str]",
        "Quote the lines of an email in a reply: each line gets '> ' in "
        "front, except empty lines, which become just '>'.",
        [("quote_lines(['Hi Ann,', '', 'See you.'])", "['> Hi Ann,', '>', '> See you.']"),
         ("quote_lines([])", "[]")],
        [("quote_lines(['> earlier'])", "['> > earlier']"), ("quote_lines([' indented'])", "['>  indented']"),
         ("quote_lines(['', ''])", "['>', '>']")],
        "return ['> ' + line if line else '>' for line in lines]",
    ),
    Task(
        "numbered_list", "(items, start=1) -> list[str]",
        "Number the items of a list for display, as '1. first', '2. second' "
        "and so on, counting from start.",
        [("numbered_list(['eggs', 'milk'])", "['1. eggs', '2. milk']"), ("numbered_list(['x'], 5)", "['5. x']")],
        [("numbered_list([])", "[]"), ("numbered_list(['a', 'b', 'c'], 0)", "['0. a', '1. b', '2. c']"),
         ("numbered_list(['only'], start=10)", "['10. only']")],
        "return [f'{number}. {item}' for number, item in enumerate(items, start)]",
        arrow=True,
    ),
    Task(
        "leaderboard", "(scores: dict[str, int]) -> list[str]",
        "Rank the players for a leaderboard as 'name: score' lines, highest "
        "score first; players with the same score are listed alphabetically.",
        [("leaderboard({'ann': 30, 'bob': 45})", "['bob: 45', 'ann: 30']"), ("leaderboard({})", "[]")],
        [("leaderboard({'zed': 10, 'amy': 10, 'kim': 20})", "['kim: 20', 'amy: 10', 'zed: 10']"),
         ("leaderboard({'solo': 0})", "['solo: 0']"), ("leaderboard({'a': -5, 'b': 0})", "['b: 0', 'a: -5']")],
        "ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))\n"
        "return [f'{name}: {score}' for name, score in ranked]",
    ),
    Task(
        "search_terms", "(query: str) -> list[str]",
        "Split a search box query into terms: the lowercased words separated "
        "by whitespace, leaving out words of a single character and repeated "
        "words, in the order they first appear.",
        [("search_terms('Red shoes a red SHOES size 9')", "['red', 'shoes', 'size']"),
         ("search_terms('')", "[]")],
        [("search_terms('  Python  ')", "['python']"), ("search_terms('I am I')", "['am']"),
         ("search_terms(\"kid's t-shirt\")", "[\"kid's\", 't-shirt']"), ("search_terms('Go go GO')", "['go']")],
        "terms = []\n"
        "for word in query.lower().split():\n"
        "    if len(word) > 1 and word not in terms:\n"
        "        terms.append(word)\n"
        "return terms",
        arrow=True,
    ),
    Task(
        "parse_amount_column", "(values: list[str]) -> list[float]",
        "Clean a spreadsheet column of money amounts such as '$1,234.50' into "
        "floats: dollar signs, thousands commas and surrounding spaces are "
        "removed, an amount in parentheses such as '(20.00)' is negative, and "
        "blank cells are skipped.",
        [("parse_amount_column(['$1,234.50', ' 20 '])", "[1234.5, 20.0]"),
         ("parse_amount_column(['(15.25)', '', '$0.99'])", "[-15.25, 0.99]")],
        [("parse_amount_column([])", "[]"), ("parse_amount_column(['  '])", "[]"),
         ("parse_amount_column(['($1,000)'])", "[-1000.0]"), ("parse_amount_column(['-3.5', '7'])", "[-3.5, 7.0]")],
        "amounts = []\n"
        "for value in values:\n"
        "    text = value.replace('$', '').replace(',', '').strip()\n"
        "    if not text:\n"
        "        continue\n"
        "    if text.startswith('(') and text.endswith(')'):\n"
        "        amounts.append(-float(text[1:-1]))\n"
        "    else:\n"
        "        amounts.append(float(text))\n"
        "return amounts",
        arrow=True,
    ),
    Task(
        "cap_readings", "(values, cap)",
        "Limit sensor readings so that none is above cap: each larger reading "
        "is replaced by cap and the others are left as they are.",
        [("cap_readings([3, 12, 7], 10)", "[3, 10, 7]"), ("cap_readings([], 5)", "[]")],
        [("cap_readings([10, 10.5], 10)", "[10, 10]"), ("cap_readings([-4, 2], 0)", "[-4, 0]"),
         ("cap_readings([1.5, 2.5], 2.0)", "[1.5, 2.0]")],
        "return [min(value, cap) for value in values]",
    ),
    Task(
        "students_below", "(grades: dict[str, int], mark: int = 50) -> list[str]",
        "Return the names of the students whose grade is below the pass mark, "
        "in alphabetical order, so that their tutors can be told. A grade "
        "equal to the mark is a pass.",
        [("students_below({'Zoe': 45, 'Adam': 38, 'Mia': 72})", "['Adam', 'Zoe']"),
         ("students_below({'Ann': 50})", "[]")],
        [("students_below({})", "[]"), ("students_below({'Bo': 59, 'Al': 61}, 60)", "['Bo']"),
         ("students_below({'Kim': 49, 'Lee': 51, 'Ann': 49})", "['Ann', 'Kim']")],
        "return sorted(name for name, grade in grades.items() if grade < mark)",
    ),
    Task(
        "weekly_dates", "(start: str, count: int) -> list[str]",
        "Return the dates of a weekly event as ISO strings 'YYYY-MM-DD': "
        "count dates, the first on start and each following one seven days "
        "after the previous.",
        [("weekly_dates('2024-03-04', 3)", "['2024-03-04', '2024-03-11', '2024-03-18']"),
         ("weekly_dates('2024-01-01', 0)", "[]")],
        [("weekly_dates('2024-02-22', 2)", "['2024-02-22', '2024-02-29']"),
         ("weekly_dates('2023-12-25', 2)", "['2023-12-25', '2024-01-01']"),
         ("weekly_dates('2024-05-01', 1)", "['2024-05-01']")],
        "from datetime import date, timedelta\n"
        "first = date.fromisoformat(start)\n"
        "return [(first + timedelta(weeks=week)).isoformat() for week in range(count)]",
        arrow=True,
    ),
    Task(
        "split_codes", "(text: str) -> list[str]",
        "Split a box of product codes pasted by a user into a list: codes may "
        "be separated by commas, semicolons or whitespace, are uppercased, "
        "and empty pieces are dropped. Repeated codes are kept.",
        [("split_codes('ab-1, cd-2;ef-3')", "['AB-1', 'CD-2', 'EF-3']"), ("split_codes(' ,; ')", "[]")],
        [("split_codes('x1 x2  x1')", "['X1', 'X2', 'X1']"), ("split_codes('')", "[]"),
         ("split_codes('sku9;;sku10,')", "['SKU9', 'SKU10']")],
        "import re\n"
        "return [code.upper() for code in re.split(r'[,;\\s]+', text) if code]",
    ),
    Task(
        "tip_options", "(bill: float) -> list[float]",
        "Return the tips suggested on a card payment screen: 15%, 18% and 20% "
        "of the bill, each rounded to two decimals.",
        [("tip_options(50)", "[7.5, 9.0, 10.0]"), ("tip_options(0)", "[0.0, 0.0, 0.0]")],
        [("tip_options(100)", "[15.0, 18.0, 20.0]"), ("tip_options(23.4)", "[3.51, 4.21, 4.68]"),
         ("tip_options(64.2)", "[9.63, 11.56, 12.84]")],
        "return [round(bill * percent / 100, 2) for percent in (15, 18, 20)]",
        arrow=True,
    ),
    Task(
        "tasks_by_due", "(tasks: list[tuple[str, str | None]]) -> list[str]",
        "Order to-do items for display: given (title, due) pairs where due is "
        "an ISO date 'YYYY-MM-DD' or None, return the titles with the "
        "earliest due date first and the items without a due date at the "
        "end. Items that tie keep their original order.",
        [("tasks_by_due([('pay rent', '2024-04-01'), ('call mum', None), ('dentist', '2024-03-20')])",
          "['dentist', 'pay rent', 'call mum']"),
         ("tasks_by_due([])", "[]")],
        [("tasks_by_due([('a', None), ('b', None)])", "['a', 'b']"),
         ("tasks_by_due([('x', '2024-01-02'), ('y', '2024-01-02'), ('z', '2023-12-31')])", "['z', 'x', 'y']"),
         ("tasks_by_due([('only', None)])", "['only']")],
        "ordered = sorted(tasks, key=lambda task: (task[1] is None, task[1] or ''))\n"
        "return [title for title, _ in ordered]",
    ),
    Task(
        "trailing_whitespace_lines", "(lines: list[str]) -> list[int]",
        "Return the 1-based numbers of the lines that end in a space or a "
        "tab, for a linter's trailing whitespace warning.",
        [("trailing_whitespace_lines(['x = 1 ', 'y = 2', ''])", "[1]"), ("trailing_whitespace_lines([])", "[]")],
        [("trailing_whitespace_lines(['  ', 'a', 'b '])", "[1, 3]"),
         ("trailing_whitespace_lines(['ok', 'fine'])", "[]"),
         ("trailing_whitespace_lines(['a\\t', 'b'])", "[1]")],
        "return [number for number, line in enumerate(lines, 1) if line.endswith((' ', '\\t'))]",
        arrow=True,
    ),
    Task(
        "size_range", "(start: str, end: str) -> list[str]",
        "List the clothing sizes from start to end inclusive in the order XS, "
        "S, M, L, XL, XXL, for a size filter. Sizes are matched ignoring case "
        "and returned uppercase; when start comes after end the list is "
        "empty.",
        [("size_range('S', 'L')", "['S', 'M', 'L']"), ("size_range('xl', 'xxl')", "['XL', 'XXL']")],
        [("size_range('M', 'M')", "['M']"), ("size_range('L', 'S')", "[]"),
         ("size_range('XS', 'XXL')", "['XS', 'S', 'M', 'L', 'XL', 'XXL']")],
        "sizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL']\n"
        "return sizes[sizes.index(start.upper()):sizes.index(end.upper()) + 1]",
    ),
    Task(
        "column_totals", "(rows: list[list[int]]) -> list[int]",
        "Add up each column of a table of whole numbers for a totals row. "
        "Rows may be shorter than others, and a missing cell counts as 0. An "
        "empty table gives [].",
        [("column_totals([[1, 2, 3], [4, 5, 6]])", "[5, 7, 9]"), ("column_totals([[1], [2, 10]])", "[3, 10]")],
        [("column_totals([])", "[]"), ("column_totals([[], [4]])", "[4]"),
         ("column_totals([[1, -1], [-1, 1], [5]])", "[5, 0]")],
        "width = max((len(row) for row in rows), default=0)\n"
        "totals = [0] * width\n"
        "for row in rows:\n"
        "    for i, value in enumerate(row):\n"
        "        totals[i] += value\n"
        "return totals",
        arrow=True,
    ),
    Task(
        "duplicate_flags", "(values: list[str]) -> list[bool]",
        "Flag the rows of an import that repeat an earlier row: True for each "
        "value that already appeared before it in the list, comparing without "
        "case and surrounding spaces, and False for first occurrences.",
        [("duplicate_flags(['a@x.com', 'b@x.com', 'A@x.com '])", "[False, False, True]"),
         ("duplicate_flags([])", "[]")],
        [("duplicate_flags(['x', 'x', 'x'])", "[False, True, True]"), ("duplicate_flags(['', ' '])", "[False, True]"),
         ("duplicate_flags(['Ann', 'ann', 'Bob'])", "[False, True, False]")],
        "seen = set()\n"
        "flags = []\n"
        "for value in values:\n"
        "    key = value.strip().lower()\n"
        "    flags.append(key in seen)\n"
        "    seen.add(key)\n"
        "return flags",
    ),
    # ------------------------------------------------------------------ set
    Task(
        "missing_skills", "(required: list[str], have: list[str]) -> set[str]",
        "Return the skills a job requires that a candidate does not list, "
        "compared ignoring case and surrounding spaces, and returned in "
        "lowercase without surrounding spaces.",
        [("missing_skills(['Python', 'SQL', 'Docker'], ['sql', 'python'])", "{'docker'}"),
         ("missing_skills(['Excel'], ['excel '])", "set()")],
        [("missing_skills([], ['go'])", "set()"), ("missing_skills(['Go', 'Rust'], [])", "{'go', 'rust'}"),
         ("missing_skills([' AWS ', 'aws'], ['Azure'])", "{'aws'}")],
        "return {skill.strip().lower() for skill in required} - {skill.strip().lower() for skill in have}",
        arrow=True,
    ),
    # ----------------------------------------------------------------- dict
    Task(
        "events_per_hour", "(timestamps: list[str]) -> dict[int, int]",
        "Count log events per hour of the day from timestamps 'YYYY-MM-DD "
        "HH:MM:SS', keyed by the hour as an int and ordered by hour; hours "
        "without events are left out.",
        [("events_per_hour(['2024-03-09 09:15:00', '2024-03-09 09:59:59', '2024-03-10 14:00:00'])",
          "{9: 2, 14: 1}"),
         ("events_per_hour([])", "{}")],
        [("events_per_hour(['2024-01-01 23:59:59', '2024-01-01 00:00:00'])", "{0: 1, 23: 1}"),
         ("events_per_hour(['2024-01-01 07:00:00'])", "{7: 1}"),
         ("events_per_hour(['2024-01-01 05:01:00', '2024-01-02 05:02:00', '2024-01-03 05:03:00'])", "{5: 3}")],
        "counts = {}\n"
        "for stamp in timestamps:\n"
        "    hour = int(stamp[11:13])\n"
        "    counts[hour] = counts.get(hour, 0) + 1\n"
        "return dict(sorted(counts.items()))",
    ),
    Task(
        "files_by_folder", "(paths: list[str]) -> dict[str, list[str]]",
        "Group file paths by folder: the key is everything before the last "
        "'/', or '' for a file with no folder, and the value lists the file "
        "names in the order given.",
        [("files_by_folder(['src/app.py', 'src/util.py', 'README.md'])",
          "{'src': ['app.py', 'util.py'], '': ['README.md']}"),
         ("files_by_folder([])", "{}")],
        [("files_by_folder(['a/b/c.txt', 'a/d.txt'])", "{'a/b': ['c.txt'], 'a': ['d.txt']}"),
         ("files_by_folder(['/etc/hosts'])", "{'/etc': ['hosts']}"),
         ("files_by_folder(['x', 'y'])", "{'': ['x', 'y']}")],
        "groups = {}\n"
        "for path in paths:\n"
        "    folder, _, name = path.rpartition('/')\n"
        "    groups.setdefault(folder, []).append(name)\n"
        "return groups",
        arrow=True,
    ),
    Task(
        "attendance_rates", "(records: dict[str, list[bool]]) -> dict[str, float]",
        "Turn a class register into attendance percentages: for each student, "
        "the share of sessions marked True as a percentage rounded to one "
        "decimal place. A student with no sessions recorded gets 0.0.",
        [("attendance_rates({'Ann': [True, True, False, True], 'Bo': [False, True]})",
          "{'Ann': 75.0, 'Bo': 50.0}"),
         ("attendance_rates({})", "{}")],
        [("attendance_rates({'Cy': []})", "{'Cy': 0.0}"),
         ("attendance_rates({'Di': [True, False, False]})", "{'Di': 33.3}"),
         ("attendance_rates({'Ed': [True] * 7})", "{'Ed': 100.0}")],
        "return {name: round(100 * sum(marks) / len(marks), 1) if marks else 0.0\n"
        "        for name, marks in records.items()}",
    ),
    Task(
        "cart_quantities", "(skus: list[str]) -> dict[str, int]",
        "Turn the product codes scanned at a till, one scan per item, into "
        "the quantity of each code, in the order each code was first scanned.",
        [("cart_quantities(['A1', 'B2', 'A1'])", "{'A1': 2, 'B2': 1}"), ("cart_quantities([])", "{}")],
        [("cart_quantities(['X'])", "{'X': 1}"), ("cart_quantities(['b', 'a', 'b', 'b'])", "{'b': 3, 'a': 1}"),
         ("cart_quantities(['a1', 'A1'])", "{'a1': 1, 'A1': 1}")],
        "quantities = {}\n"
        "for sku in skus:\n"
        "    quantities[sku] = quantities.get(sku, 0) + 1\n"
        "return quantities",
        arrow=True,
    ),
    Task(
        "validate_signup", "(form: dict[str, str]) -> dict[str, str]",
        "Validate a sign-up form and return an error message for each failing "
        "field: 'username' must be 3 to 20 ASCII letters, digits or "
        "underscores ('invalid username'), 'email' must contain exactly one "
        "'@' with text on both sides of it ('invalid email'), and 'password' "
        "must be at least 8 characters long ('password too short'). A missing "
        "field counts as ''. Errors are listed in the order username, email, "
        "password, and a valid form gives {}.",
        [("validate_signup({'username': 'ann_lee', 'email': 'ann@example.com', 'password': 'hunter22'})", "{}"),
         ("validate_signup({'username': 'al', 'email': 'al.example.com', 'password': 'secret123'})",
          "{'username': 'invalid username', 'email': 'invalid email'}")],
        [("validate_signup({})",
          "{'username': 'invalid username', 'email': 'invalid email', 'password': 'password too short'}"),
         ("validate_signup({'username': 'bob', 'email': 'a@b@c', 'password': '1234567'})",
          "{'email': 'invalid email', 'password': 'password too short'}"),
         ("validate_signup({'username': 'x' * 21, 'email': 'x@y', 'password': 'longenough'})",
          "{'username': 'invalid username'}"),
         ("validate_signup({'username': 'bad name', 'email': '@x.com', 'password': 'abcdefgh'})",
          "{'username': 'invalid username', 'email': 'invalid email'}")],
        "import re\n"
        "errors = {}\n"
        "if not re.fullmatch(r'[A-Za-z0-9_]{3,20}', form.get('username', '')):\n"
        "    errors['username'] = 'invalid username'\n"
        "local, at, domain = form.get('email', '').partition('@')\n"
        "if not (at and local and domain) or '@' in domain:\n"
        "    errors['email'] = 'invalid email'\n"
        "if len(form.get('password', '')) < 8:\n"
        "    errors['password'] = 'password too short'\n"
        "return errors",
        arrow=True,
    ),
    Task(
        "daily_low_high", "(readings: list[tuple[str, float]]) -> dict[str, tuple[float, float]]",
        "Summarise temperature readings given as (timestamp, temperature) "
        "pairs with timestamps 'YYYY-MM-DD HH:MM': for each date, the "
        "(lowest, highest) temperature of that day, with the dates in the "
        "order they first appear.",
        [("daily_low_high([('2024-07-01 06:00', 14.5), ('2024-07-01 15:00', 27.0), ('2024-07-02 06:00', 16.0)])",
          "{'2024-07-01': (14.5, 27.0), '2024-07-02': (16.0, 16.0)}"),
         ("daily_low_high([])", "{}")],
        [("daily_low_high([('2024-01-01 00:00', -3.0), ('2024-01-01 12:00', -8.5)])",
          "{'2024-01-01': (-8.5, -3.0)}"),
         ("daily_low_high([('2024-01-02 09:00', 5.0), ('2024-01-01 09:00', 4.0), ('2024-01-02 18:00', 1.0)])",
          "{'2024-01-02': (1.0, 5.0), '2024-01-01': (4.0, 4.0)}"),
         ("daily_low_high([('2024-03-01 10:00', 0.0)])", "{'2024-03-01': (0.0, 0.0)}")],
        "days = {}\n"
        "for stamp, temperature in readings:\n"
        "    day = stamp[:10]\n"
        "    low, high = days.get(day, (temperature, temperature))\n"
        "    days[day] = (min(low, temperature), max(high, temperature))\n"
        "return days",
    ),
    Task(
        "league_points", "(results: list[tuple[str, str, int, int]]) -> dict[str, int]",
        "Build a league table from match results (home team, away team, home "
        "goals, away goals): a win is worth 3 points, a draw 1 and a loss 0. "
        "Every team that played appears, sorted by points with the highest "
        "first, and teams on equal points in alphabetical order.",
        [("league_points([('Ajax', 'PSV', 2, 1), ('PSV', 'Twente', 0, 0)])", "{'Ajax': 3, 'PSV': 1, 'Twente': 1}"),
         ("league_points([])", "{}")],
        [("league_points([('A', 'B', 0, 3)])", "{'B': 3, 'A': 0}"),
         ("league_points([('X', 'Y', 1, 1), ('Y', 'X', 2, 2)])", "{'X': 2, 'Y': 2}"),
         ("league_points([('C', 'B', 1, 0), ('B', 'A', 1, 0), ('A', 'C', 1, 0)])", "{'A': 3, 'B': 3, 'C': 3}")],
        "points = {}\n"
        "for home, away, home_goals, away_goals in results:\n"
        "    if home_goals == away_goals:\n"
        "        home_points = away_points = 1\n"
        "    elif home_goals > away_goals:\n"
        "        home_points, away_points = 3, 0\n"
        "    else:\n"
        "        home_points, away_points = 0, 3\n"
        "    points[home] = points.get(home, 0) + home_points\n"
        "    points[away] = points.get(away, 0) + away_points\n"
        "return dict(sorted(points.items(), key=lambda item: (-item[1], item[0])))",
        arrow=True,
    ),
    Task(
        "price_changes", "(old: dict[str, float], new: dict[str, float]) -> dict[str, float]",
        "Compare two price lists and return, for each product in both whose "
        "price changed, the new price minus the old one rounded to two "
        "decimals, in the order of new.",
        [("price_changes({'tea': 3.5, 'cake': 4.0}, {'tea': 3.75, 'cake': 4.0})", "{'tea': 0.25}"),
         ("price_changes({'a': 1.0}, {'b': 2.0})", "{}")],
        [("price_changes({'x': 10.0, 'y': 5.0}, {'y': 4.5, 'x': 12.0})", "{'y': -0.5, 'x': 2.0}"),
         ("price_changes({}, {})", "{}"), ("price_changes({'pen': 1.1}, {'pen': 1.3})", "{'pen': 0.2}")],
        "return {name: round(price - old[name], 2) for name, price in new.items()\n"
        "        if name in old and price != old[name]}",
    ),
    Task(
        "star_breakdown", "(ratings: list[int]) -> dict[int, int]",
        "Count product reviews by star rating for a ratings histogram: a dict "
        "with the keys 5, 4, 3, 2, 1 in that order, each mapped to how many "
        "ratings have that many stars (0 when there are none).",
        [("star_breakdown([5, 4, 5, 1])", "{5: 2, 4: 1, 3: 0, 2: 0, 1: 1}"),
         ("star_breakdown([])", "{5: 0, 4: 0, 3: 0, 2: 0, 1: 0}")],
        [("star_breakdown([3, 3, 3])", "{5: 0, 4: 0, 3: 3, 2: 0, 1: 0}"),
         ("star_breakdown([1, 2, 3, 4, 5])", "{5: 1, 4: 1, 3: 1, 2: 1, 1: 1}"),
         ("star_breakdown([2])", "{5: 0, 4: 0, 3: 0, 2: 1, 1: 0}")],
        "return {stars: ratings.count(stars) for stars in range(5, 0, -1)}",
        arrow=True,
    ),
    Task(
        "hours_by_client", "(entries: list[str]) -> dict[str, float]",
        "Total a freelancer's time log into hours per client. Each entry is "
        "the client's name, which may contain spaces, then a space and the "
        "time spent as 'H:MM'. The totals are floats rounded to two decimals, "
        "in the order the clients first appear.",
        [("hours_by_client(['acme 1:30', 'globex 0:45', 'acme 2:15'])", "{'acme': 3.75, 'globex': 0.75}"),
         ("hours_by_client([])", "{}")],
        [("hours_by_client(['solo 0:00'])", "{'solo': 0.0}"), ("hours_by_client(['x 0:20'])", "{'x': 0.33}"),
         ("hours_by_client(['Acme Corp 10:05', 'acme 1:00', 'Acme Corp 0:55'])",
          "{'Acme Corp': 11.0, 'acme': 1.0}")],
        "minutes = {}\n"
        "for entry in entries:\n"
        "    client, duration = entry.rsplit(' ', 1)\n"
        "    hours, mins = duration.split(':')\n"
        "    minutes[client] = minutes.get(client, 0) + int(hours) * 60 + int(mins)\n"
        "return {client: round(total / 60, 2) for client, total in minutes.items()}",
    ),
    # ------------------------------------------------------------- Optional
    Task(
        "days_of_stock", "(on_hand: int, daily_use: float) -> int | None",
        "Return how many full days the stock on hand will last at daily_use "
        "units a day, or None when nothing is being used (daily_use is 0).",
        [("days_of_stock(100, 7)", "14"), ("days_of_stock(50, 0)", "None")],
        [("days_of_stock(0, 5)", "0"), ("days_of_stock(6, 7)", "0"), ("days_of_stock(21, 7)", "3"),
         ("days_of_stock(10, 2.5)", "4")],
        "if daily_use == 0:\n"
        "    return None\n"
        "return int(on_hand // daily_use)",
        arrow=True,
    ),
    Task(
        "find_table", "(tables: dict[int, int], party: int) -> int | None",
        "Seat a party in a restaurant, where tables maps each free table's "
        "number to its number of seats. Return the number of the table with "
        "the fewest seats that still fits the whole party, the lowest table "
        "number among equally small ones, or None if no table is big enough.",
        [("find_table({1: 2, 2: 4, 3: 6}, 3)", "2"), ("find_table({1: 2}, 5)", "None")],
        [("find_table({7: 4, 3: 4, 9: 8}, 4)", "3"), ("find_table({}, 1)", "None"),
         ("find_table({5: 6, 6: 2}, 2)", "6"), ("find_table({1: 10}, 10)", "1")],
        "fits = [(seats, number) for number, seats in tables.items() if seats >= party]\n"
        "return min(fits)[1] if fits else None",
        arrow=True,
    ),
    Task(
        "sha_from_describe", "(describe: str) -> str | None",
        "Pull the abbreviated commit hash out of 'git describe' output such "
        "as 'v1.2.0-14-g2414721': when the output ends in '-g' followed by "
        "lowercase hex digits, return those digits, otherwise None.",
        [("sha_from_describe('v1.2.0-14-g2414721')", "'2414721'"), ("sha_from_describe('v1.2.0')", "None")],
        [("sha_from_describe('release-2024-3-gdeadbeef')", "'deadbeef'"), ("sha_from_describe('nightly')", "None"),
         ("sha_from_describe('v3-no-git')", "None"), ("sha_from_describe('v1.0-0-g0a1b2c3')", "'0a1b2c3'")],
        "import re\n"
        "match = re.search(r'-g([0-9a-f]+)$', describe)\n"
        "return match[1] if match else None",
        arrow=True,
    ),
    Task(
        "winning_bid", "(bids: dict[str, float], reserve: float = 0) -> str | None",
        "Return the bidder who wins an auction: the one with the highest bid, "
        "or the earliest of them (first in bids) on a tie. Return None when "
        "there are no bids or the highest bid is below the reserve price.",
        [("winning_bid({'ann': 120.0, 'bob': 150.0})", "'bob'"), ("winning_bid({'ann': 80.0}, 100)", "None")],
        [("winning_bid({})", "None"), ("winning_bid({'cy': 50.0, 'di': 50.0})", "'cy'"),
         ("winning_bid({'ed': 100.0}, 100)", "'ed'"), ("winning_bid({'a': 10.0, 'b': 90.0, 'c': 95.0}, 92)", "'c'")],
        "if not bids:\n"
        "    return None\n"
        "best = max(bids, key=bids.get)\n"
        "return best if bids[best] >= reserve else None",
        arrow=True,
    ),
    Task(
        "parse_european_number", "(text: str) -> float | None",
        "Read a number written the European way, with ',' as the decimal "
        "mark, such as '1.234,56'. Surrounding spaces are ignored and a "
        "leading '-' is allowed. The whole part is either plain digits or "
        "digits grouped in threes with '.' (the first group 1 to 3 digits), "
        "and the decimal part after ',' is optional. Return None for any "
        "other text.",
        [("parse_european_number('1.234,56')", "1234.56"), ("parse_european_number('12,5%')", "None")],
        [("parse_european_number('  -7,25 ')", "-7.25"), ("parse_european_number('1.000.000')", "1000000.0"),
         ("parse_european_number('12.34')", "None"), ("parse_european_number('')", "None")],
        "import re\n"
        "text = text.strip()\n"
        "if not re.fullmatch(r'-?([0-9]+|[0-9]{1,3}(\\.[0-9]{3})+)(,[0-9]+)?', text):\n"
        "    return None\n"
        "return float(text.replace('.', '').replace(',', '.'))",
        arrow=True,
    ),
    Task(
        "wind_warning", "(speed_kmh: float) -> str | None",
        "Return the weather warning level for a wind speed in km/h: None "
        "below 50, 'yellow' from 50, 'amber' from 75 and 'red' from 100.",
        [("wind_warning(62)", "'yellow'"), ("wind_warning(30)", "None")],
        [("wind_warning(50)", "'yellow'"), ("wind_warning(99.9)", "'amber'"), ("wind_warning(100)", "'red'"),
         ("wind_warning(49.9)", "None")],
        "if speed_kmh >= 100:\n"
        "    return 'red'\n"
        "if speed_kmh >= 75:\n"
        "    return 'amber'\n"
        "if speed_kmh >= 50:\n"
        "    return 'yellow'\n"
        "return None",
        arrow=True,
    ),
    Task(
        "closing_time", "(day: str, hours: dict[str, str]) -> str | None",
        "Look up when a shop closes on a day. hours maps three-letter "
        "lowercase day names to opening hours 'HH:MM-HH:MM'; day may be in "
        "any case and may be a full name such as 'Monday', of which only the "
        "first three letters are used. Return the closing time, or None when "
        "the shop is closed that day (it has no entry).",
        [("closing_time('mon', {'mon': '09:00-17:30'})", "'17:30'"),
         ("closing_time('Sunday', {'mon': '09:00-17:30'})", "None")],
        [("closing_time('Monday', {'mon': '09:00-17:30'})", "'17:30'"),
         ("closing_time('SAT', {'sat': '10:00-16:00', 'mon': '09:00-17:00'})", "'16:00'"),
         ("closing_time('tue', {})", "None")],
        "opening = hours.get(day[:3].lower())\n"
        "return opening.split('-')[1] if opening else None",
        arrow=True,
    ),
    Task(
        "lowest_free_port", "(used: list[int], start: int = 8000, end: int = 8010) -> int | None",
        "Pick a port for a local development server: the lowest port from "
        "start to end inclusive that is not in used, or None if they are all "
        "taken.",
        [("lowest_free_port([8000, 8001])", "8002"), ("lowest_free_port([5000], 5000, 5000)", "None")],
        [("lowest_free_port([])", "8000"), ("lowest_free_port([8000, 8002])", "8001"),
         ("lowest_free_port([3000, 3001, 3002], 3000, 3002)", "None"), ("lowest_free_port([8080], 8080, 8090)", "8081")],
        "for port in range(start, end + 1):\n"
        "    if port not in used:\n"
        "        return port\n"
        "return None",
        arrow=True,
    ),
    # ---------------------------------------------------------------- tuple
    Task(
        "split_datetime", "(stamp: str) -> tuple[str, str]",
        "Split an ISO timestamp such as '2024-03-09T14:05:30' into its date "
        "and its time to the minute, ('2024-03-09', '14:05'), for two "
        "separate form fields. The date and time may be separated by 'T' or "
        "by a space.",
        [("split_datetime('2024-03-09T14:05:30')", "('2024-03-09', '14:05')"),
         ("split_datetime('2024-01-01 00:00')", "('2024-01-01', '00:00')")],
        [("split_datetime('1999-12-31T23:59:59')", "('1999-12-31', '23:59')"),
         ("split_datetime('2024-06-30 08:07:00.123')", "('2024-06-30', '08:07')"),
         ("split_datetime('2024-02-29T12:00:00+01:00')", "('2024-02-29', '12:00')")],
        "return stamp[:10], stamp[11:16]",
    ),
    Task(
        "aspect_ratio", "(width, height) -> tuple[int, int]",
        "Reduce a screen or image size to its aspect ratio in lowest terms, "
        "such as (16, 9) for 1920 by 1080.",
        [("aspect_ratio(1920, 1080)", "(16, 9)"), ("aspect_ratio(1080, 1080)", "(1, 1)")],
        [("aspect_ratio(1280, 1024)", "(5, 4)"), ("aspect_ratio(3000, 2000)", "(3, 2)"),
         ("aspect_ratio(2560, 1080)", "(64, 27)"), ("aspect_ratio(7, 3)", "(7, 3)")],
        "import math\n"
        "divisor = math.gcd(width, height)\n"
        "return width // divisor, height // divisor",
        arrow=True,
    ),
    Task(
        "regular_and_overtime", "(hours: float, regular: float = 40) -> tuple[float, float]",
        "Split the hours worked in a week into (regular hours, overtime "
        "hours) as floats, where any hours beyond regular are overtime.",
        [("regular_and_overtime(45.5)", "(40.0, 5.5)"), ("regular_and_overtime(32)", "(32.0, 0.0)")],
        [("regular_and_overtime(40)", "(40.0, 0.0)"), ("regular_and_overtime(0)", "(0.0, 0.0)"),
         ("regular_and_overtime(50, 37.5)", "(37.5, 12.5)"), ("regular_and_overtime(60.25, 60)", "(60.0, 0.25)")],
        "return float(min(hours, regular)), float(max(hours - regular, 0))",
    ),
    Task(
        "tile_at_pixel", "(x, y, tile_size)",
        "Return the (column, row) of the map tile under the pixel (x, y) in a "
        "tile-based game whose square tiles of tile_size pixels start at (0, "
        "0). Pixels left of or above the origin are in negative columns or "
        "rows.",
        [("tile_at_pixel(70, 10, 32)", "(2, 0)"), ("tile_at_pixel(0, 64, 32)", "(0, 2)")],
        [("tile_at_pixel(31, 31, 32)", "(0, 0)"), ("tile_at_pixel(-1, -40, 32)", "(-1, -2)"),
         ("tile_at_pixel(100, 100, 50)", "(2, 2)")],
        "return x // tile_size, y // tile_size",
        arrow=True,
    ),
    Task(
        "parse_sku", "(sku: str) -> tuple[str, int, str]",
        "Split a shoe shop's stock code 'MODEL-SIZE-COLOUR', such as "
        "'RUNNER-42-BLK', into (model, size, colour) with the size as an int. "
        "The model may itself contain hyphens; the size and colour are always "
        "the last two parts.",
        [("parse_sku('RUNNER-42-BLK')", "('RUNNER', 42, 'BLK')"),
         ("parse_sku('TRAIL-PRO-39-RED')", "('TRAIL-PRO', 39, 'RED')")],
        [("parse_sku('X-1-W')", "('X', 1, 'W')"), ("parse_sku('CLASSIC-LOW-TOP-45-NVY')", "('CLASSIC-LOW-TOP', 45, 'NVY')"),
         ("parse_sku('KIDS-07-PNK')", "('KIDS', 7, 'PNK')")],
        "model, size, colour = sku.rsplit('-', 2)\n"
        "return model, int(size), colour",
    ),
    Task(
        "sets_and_reps", "(text: str) -> tuple[int, int]",
        "Parse a workout entry such as '3x10' into (sets, reps). The 'x' may "
        "be upper or lower case and may have spaces around it.",
        [("sets_and_reps('3x10')", "(3, 10)"), ("sets_and_reps('5 X 5')", "(5, 5)")],
        [("sets_and_reps('12x1')", "(12, 1)"), ("sets_and_reps(' 4 x 8 ')", "(4, 8)"),
         ("sets_and_reps('10X20')", "(10, 20)")],
        "sets, reps = text.lower().split('x')\n"
        "return int(sets), int(reps)",
        arrow=True,
    ),
]


def main() -> int:
    return write_set(TASKS, BANNED, OUT, "blind8", check)


if __name__ == "__main__":
    sys.exit(main())

"""Cut a report into its sections (the six of the 2019/2021 templates, the parts of older ones).

Section headings are numbered 一、二、… but the corpus shows every deviation: headings glued to
the text before and after them (crawler dumps), missing delimiters ("一总体情况"), unusual
wording, extra or missing parts, numbering that restarts (narrative parts, then table parts), and
numbered rows inside table 3 ("一、本年新收…") that are not headings at all.

So headings are found in two steps: every plausible numbered heading becomes a candidate with a
section key (from its wording) and a score; then a dynamic programme picks the chain of candidates
that best reads as one outline: numerals rising one by one (a skip or a restart at 一 costs),
each new key adding more than a repeated or unknown one, and no heading right on top of the next
(a list of part names in a preamble is not an outline). A candidate whose wording names no known
section continues the section before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp import patterns as P

STRONG = 3.0  # a heading whose wording names a section, at a clear boundary
GLUED = 1.5  # the same, but glued to the character before it
UNKNOWN = 0.3  # a numbered heading at a line start whose wording names no section
REPEAT = 0.3  # a key already in the chain
SKIP_COST = 1.0  # per numeral skipped
RESTART_COST = 2.0  # numbering restarting at 一
MIN_SECTION_CHARS = 3  # a heading followed by another within this many characters is a list item


@dataclass
class Heading:
    pos: int  # start of the numeral
    body: int  # where the section text starts (after the title)
    num: int
    title: str
    key: str | None
    score: float


@dataclass
class Section:
    key: str
    title: str
    start: int  # heading start in the document text
    body: int  # text start (after the title)
    end: int

    def text(self, doc_text: str) -> str:
        # strip line breaks and spaces, not tabs: a leading tab marks a table cell
        return doc_text[self.body : self.end].strip(" \n\r")


def classify_heading(title: str) -> str | None:
    """The section key a heading's wording names, or None."""
    core = P.RE_TITLE_PAREN_SUFFIX.sub("", title)
    for key, pattern in P.SECTION_PATTERNS:
        if pattern.search(core):
            return key
    return None


def _line_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (end if end != -1 else len(text))


def find_heading_candidates(text: str) -> list[Heading]:
    out: list[Heading] = []
    for m in P.RE_HEADING_CANDIDATE.finditer(text):
        pos = m.start()
        prev = text[pos - 1] if pos > 0 else "\n"
        line_start, line_end = _line_of(text, pos)
        line = text[line_start:line_end]
        if "\t" in line or line.lstrip().startswith("|"):
            continue  # a table row
        at_line_start = not text[line_start:pos].strip()
        if at_line_start or prev.isspace() or prev in P.BLOCK_BOUNDARY or prev.isdigit() or prev in "\"”":
            glued = False
        elif P.RE_HAS_CJK.match(prev):
            glued = True
        else:
            glued = False
        tstart = m.end()
        rest_of_line = text[tstart:line_end].strip()
        if at_line_start and 0 < len(rest_of_line) <= 40 and "。" not in rest_of_line:
            title = rest_of_line
            body = line_end
        else:
            tm = P.RE_HEADING_TITLE.match(text, tstart)
            if tm and "\n" not in tm.group(0):
                title = tm.group(0)
            else:
                fm = P.RE_HEADING_TITLE_FALLBACK.match(text, tstart)
                title = fm.group(0) if fm else ""
            body = tstart + len(title)
        title = title.strip()
        if not title or P.RE_NOT_A_SECTION.match(title):
            continue
        key = classify_heading(title)
        no_delim = not m.group("delim")
        if key is None:
            if glued or no_delim or not at_line_start:
                continue
            score = UNKNOWN
        else:
            if no_delim and (glued or not P.RE_UNDELIMITED_TITLE.match(title)):
                continue
            score = GLUED if glued else STRONG
        num = P.HEADING_NUMERAL_VALUE[m.group("num")]
        out.append(Heading(pos, body, num, title, key, score))
    return out


def choose_outline(cands: list[Heading]) -> list[Heading]:
    """The best-scoring chain of candidates (see module doc)."""
    keys = {k: 1 << i for i, k in enumerate(P.SECTION_KEYS)}
    # best[j]: mask -> (score, prev_index, prev_mask)
    best: list[dict[int, tuple[float, int, int]]] = []
    for j, h in enumerate(cands):
        states: dict[int, tuple[float, int, int]] = {}
        bit = keys.get(h.key or "", 0)
        start_score = h.score - (h.num - 1) * SKIP_COST
        states[bit] = (start_score, -1, 0)
        for i in range(j):
            g = cands[i]
            if h.pos - g.body < MIN_SECTION_CHARS:
                continue
            if h.num == g.num + 1:
                cost = 0.0
            elif h.num > g.num + 1:
                cost = (h.num - g.num - 1) * SKIP_COST
            elif h.num == 1:
                cost = RESTART_COST
            else:
                continue
            for mask, (sc, _, _) in best[i].items():
                gain = h.score if (h.key and not mask & bit) else min(h.score, REPEAT)
                total = sc + gain - cost
                new_mask = mask | bit
                if new_mask not in states or total > states[new_mask][0]:
                    states[new_mask] = (total, i, mask)
        best.append(states)
    if not best:
        return []
    j, mask = max(
        ((j, mask) for j, states in enumerate(best) for mask in states),
        key=lambda jm: (best[jm[0]][jm[1]][0], -jm[0]),
    )
    chain = []
    while j != -1:
        chain.append(cands[j])
        _, pj, pmask = best[j][mask]
        j, mask = pj, pmask
    return chain[::-1]


def segment_sections(text: str) -> tuple[list[Section], int]:
    """Sections of ``text`` and the end of the preamble (text before the first section)."""
    chain = choose_outline(find_heading_candidates(text))
    sections: list[Section] = []
    for h in chain:
        if h.key is None and sections:
            continue  # an unknown part continues the section before it
        if sections:
            sections[-1].end = h.pos
        sections.append(Section(h.key or "overview", h.title, h.pos, h.body, len(text)))
    preamble_end = sections[0].start if sections else len(text)
    _split_lost_problems_heading(text, sections)
    return sections, preamble_end


def _split_lost_problems_heading(text: str, sections: list[Section]) -> None:
    """Where the problems heading is lost but its sub-heading (（一）主要问题) is there, cut there."""
    if not sections or any(s.key == "problems" for s in sections):
        return
    for idx, sec in enumerate(sections):
        if sec.key not in ("applications", "review_litigation", "active_disclosure"):
            continue
        m = P.RE_PROBLEMS_SUBHEADING.search(text, sec.body, sec.end)
        if m:
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            new = Section("problems", m.group(0).strip(), start, m.end(), sec.end)
            sec.end = start
            sections.insert(idx + 1, new)
            return

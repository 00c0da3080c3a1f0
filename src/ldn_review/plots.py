"""Figures of the evidence report, drawn with matplotlib and returned as PNG bytes.

Every function takes plain tables or values and returns the PNG of one figure; nothing is written
to disk here and nothing happens on import (matplotlib is imported, and the Agg backend selected,
inside the functions). Empty inputs give a figure that says "No data" instead of failing.

The palette is Okabe & Ito's colour-blind-safe set; bars and segments are also told apart by their
legend order, so no reading depends on colour alone.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from ldn_review import vocab

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

# Seventeen designs are too many colours to tell apart; the figures group them by level of evidence.
DESIGN_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("rct", "Randomised trial"),
    ("nonrandomized_trial", "Non-randomised trial"),
    ("observational", "Observational / case report"),
    ("review", "Review"),
    ("preclinical", "Animal / in vitro"),
    ("other", "Other (protocol, commentary, unknown)"),
)
DESIGN_CATEGORY_COLOURS = {
    "rct": OKABE_ITO["blue"],
    "nonrandomized_trial": OKABE_ITO["sky_blue"],
    "observational": OKABE_ITO["bluish_green"],
    "review": OKABE_ITO["orange"],
    "preclinical": OKABE_ITO["reddish_purple"],
    "other": OKABE_ITO["grey"],
}
RESULT_COLOURS = {
    "positive": OKABE_ITO["blue"],
    "mixed": OKABE_ITO["orange"],
    "negative": OKABE_ITO["vermillion"],
    "unclear": OKABE_ITO["grey"],
    "no result": "#DDDDDD",
}

DPI = 150  # 10-inch figures are 1500 px: sharp on high-density screens, shown at 1000 CSS px
DISPLAY_SCALE = DPI / 100  # the HTML shows a figure at (pixels / DISPLAY_SCALE) CSS pixels
WIDTH_IN = 10.0
BASE_FONT_PT = 12
MAX_LABELLED_DOSE_ROWS = 45  # beyond this, per-study labels on the dose plot become unreadable


@dataclass(frozen=True)
class PrismaFlow:
    """Counts shown in the PRISMA 2020-style flow diagram."""

    n_identified: int
    n_duplicates: int
    n_deleted: int
    n_screened: int
    n_not_assessed: int
    n_not_ldn: int
    n_not_human: int
    n_not_pain: int
    n_included: int
    n_included_rcts: int
    n_included_other_trials: int
    n_included_observational: int
    n_included_reviews: int
    n_included_other: int
    n_included_retracted: int
    claims: tuple[tuple[str, str, int, int], ...]  # (claim id, condition, trials, of which RCTs)


def categorise_design(design: str | None) -> str:
    """The evidence-level category of a design (``other`` for unknown or missing)."""
    if design in vocab.RCT_DESIGNS:
        return "rct"
    if design in vocab.TRIAL_DESIGNS:
        return "nonrandomized_trial"
    if design in vocab.OBSERVATIONAL_DESIGNS:
        return "observational"
    if design in vocab.REVIEW_DESIGNS:
        return "review"
    if design in ("animal", "in_vitro"):
        return "preclinical"
    return "other"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from the PNG header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _new_figure(height_in: float, constrained: bool = True) -> Figure:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    layout: Literal["constrained"] | None = "constrained" if constrained else None
    return Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, layout=layout)


def _style_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title, fontsize=BASE_FONT_PT + 3, loc="left", pad=12)
    ax.set_xlabel(xlabel, fontsize=BASE_FONT_PT + 1)
    ax.set_ylabel(ylabel, fontsize=BASE_FONT_PT + 1)
    ax.tick_params(labelsize=BASE_FONT_PT)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)


def _use_integer_ticks(*axes: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    for axis in axes:
        axis.set_major_locator(MaxNLocator(integer=True))


def _to_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", facecolor="white",
                metadata={"Software": None})
    return buffer.getvalue()


def _no_data_png(title: str, message: str = "No data") -> bytes:
    fig = _new_figure(2.6)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, fontsize=BASE_FONT_PT + 3, loc="left")
    ax.text(0.5, 0.45, message, ha="center", va="center", fontsize=BASE_FONT_PT + 6,
            color="#555555", transform=ax.transAxes)
    return _to_png(fig)


def _present(df: pd.DataFrame, columns: Sequence[str]) -> bool:
    return not df.empty and all(c in df.columns for c in columns)


def _stacked_barh(ax: Axes, counts: pd.DataFrame, colours: dict[str, str],
                  labels: dict[str, str], invert: bool = True) -> None:
    """Stacked horizontal bars, first row on top, with the total at the end of each bar."""
    left = pd.Series(0.0, index=counts.index)
    positions = range(len(counts.index))
    for column in counts.columns:
        values = counts[column].astype(float)
        if values.sum() == 0:
            continue
        ax.barh(list(positions), values.to_list(), left=left.to_list(), color=colours[column],
                label=labels.get(column, column), edgecolor="white", linewidth=0.6)
        left = left + values
    ax.set_yticks(list(positions), [str(i) for i in counts.index])
    if invert:
        ax.invert_yaxis()
    for pos, total in zip(positions, left.to_list(), strict=True):
        ax.text(total, pos, f" {total:g}", va="center", fontsize=BASE_FONT_PT - 1)


def _legend_below(fig: Figure, ax: Axes, ncols: int = 3, title: str | None = None) -> None:
    """The legend under the plot, outside the data (constrained layout makes room)."""
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        fig.legend(handles, labels, loc="outside lower center", ncols=min(ncols, len(handles)),
                   fontsize=BASE_FONT_PT, frameon=False, title=title,
                   title_fontsize=BASE_FONT_PT)


def plot_studies_per_year(studies: pd.DataFrame, articles: pd.DataFrame) -> bytes:
    """Stacked bars: records per publication year, split by design category."""
    title = "Records per publication year, by design"
    if not _present(studies, ["pmid", "design"]) or not _present(articles, ["pmid", "pub_year"]):
        return _no_data_png(title)
    years = articles[["pmid", "pub_year"]].dropna().drop_duplicates("pmid")
    data = studies[["pmid", "design"]].merge(years, on="pmid", how="inner")
    if data.empty:
        return _no_data_png(title)
    data = data.assign(category=data["design"].map(categorise_design),
                       pub_year=data["pub_year"].astype(int))
    counts = pd.crosstab(data["pub_year"], data["category"])
    all_years = range(int(counts.index.min()), int(counts.index.max()) + 1)
    counts = counts.reindex(index=all_years, fill_value=0)
    fig = _new_figure(4.8)
    ax = fig.add_subplot()
    bottom = pd.Series(0, index=counts.index)
    for key, label in DESIGN_CATEGORIES:
        if key not in counts.columns:
            continue
        ax.bar(counts.index.to_list(), counts[key].to_list(), bottom=bottom.to_list(),
               color=DESIGN_CATEGORY_COLOURS[key], label=label, edgecolor="white", linewidth=0.6)
        bottom = bottom + counts[key]
    _style_axes(ax, title, "Publication year", "Records")
    ax.set_ylim(0, max(1, int(bottom.max())) * 1.1)
    _use_integer_ticks(ax.xaxis, ax.yaxis)
    _legend_below(fig, ax)
    return _to_png(fig)


def _explode_condition_groups(studies: pd.DataFrame) -> pd.DataFrame:
    rows: list[tuple[str, str]] = []
    for _pmid, design, conditions in studies[["pmid", "design", "conditions"]].itertuples(
        index=False
    ):
        if conditions is None or isinstance(conditions, float):
            continue
        groups = sorted({vocab.condition_group(str(c)) for c in list(conditions)})
        rows.extend((str(g), categorise_design(design)) for g in groups)
    return pd.DataFrame(rows, columns=["group", "category"])


def _condition_label(group: str) -> str:
    label = group.replace("_", " ")
    return f"{label} (pain)" if group in vocab.PAIN_GROUPS else label


def plot_studies_by_condition(studies: pd.DataFrame) -> bytes:
    """Stacked horizontal bars: records per condition group, split by design category."""
    title = "Records by condition group and design"
    if not _present(studies, ["pmid", "design", "conditions"]):
        return _no_data_png(title)
    data = _explode_condition_groups(studies)
    if data.empty:
        return _no_data_png(title)
    counts = pd.crosstab(data["group"], data["category"])
    counts = counts.loc[sorted(counts.index, key=lambda g: (-int(counts.loc[g].sum()), g))]
    order = [key for key, _ in DESIGN_CATEGORIES if key in counts.columns]
    counts = counts[order]
    counts.index = [_condition_label(g) for g in counts.index]
    fig = _new_figure(2.4 + 0.42 * len(counts.index))
    ax = fig.add_subplot()
    _stacked_barh(ax, counts, DESIGN_CATEGORY_COLOURS, dict(DESIGN_CATEGORIES))
    _style_axes(ax, title, "Records (a record with several conditions counts in each)", "")
    ax.set_xlim(0, float(counts.sum(axis=1).max()) * 1.08)
    _use_integer_ticks(ax.xaxis)
    _legend_below(fig, ax)
    return _to_png(fig)


def _dose_rows(studies: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    needed = ["pmid", "design", "dose_mg_min", "dose_mg_max", "is_ldn"]
    if not _present(studies, needed):
        return pd.DataFrame(columns=[*needed, "label"])
    data = studies[studies["is_ldn"].fillna(False).astype(bool)].copy()
    if "population" in data.columns:
        data = data[data["population"].isna() | (data["population"] == "human")]
    low = data["dose_mg_min"].astype(float)
    high = data["dose_mg_max"].astype(float)
    data = data.assign(dose_mg_min=low.fillna(high), dose_mg_max=high.fillna(low))
    data = data.dropna(subset=["dose_mg_min", "dose_mg_max"])
    data = data.assign(label=[labels.get(str(p), f"PMID {p}") for p in data["pmid"]])
    return data.sort_values(["dose_mg_max", "dose_mg_min", "pmid"]).reset_index(drop=True)


def _draw_dose_segment(ax: Axes, pos: int, low: float, high: float, colour: str,
                       label: str | None) -> None:
    ax.plot([low, high], [pos, pos], color=colour, linewidth=3, solid_capstyle="round", zorder=2)
    ax.plot([low, high], [pos, pos], "o", color=colour, markersize=6, zorder=3, label=label)


def _draw_dose_per_study(ax: Axes, data: pd.DataFrame) -> list[str]:
    seen: set[str] = set()
    for pos, row in enumerate(data.itertuples(index=False)):
        category = categorise_design(row.design)
        label = dict(DESIGN_CATEGORIES)[category] if category not in seen else None
        seen.add(category)
        _draw_dose_segment(ax, pos, row.dose_mg_min, row.dose_mg_max,
                           DESIGN_CATEGORY_COLOURS[category], label)
    return data["label"].to_list()


def _draw_dose_per_range(ax: Axes, data: pd.DataFrame) -> list[str]:
    """One row per distinct dose range, with the number of studies at its end."""
    ranges = data.groupby(["dose_mg_min", "dose_mg_max"]).size().reset_index(name="n")
    ranges = ranges.nlargest(MAX_LABELLED_DOSE_ROWS, "n", keep="first")
    ranges = ranges.sort_values(["dose_mg_max", "dose_mg_min"]).reset_index(drop=True)
    labels = []
    for pos, row in enumerate(ranges.itertuples(index=False)):
        legend = "Studies reporting this range" if pos == 0 else None
        _draw_dose_segment(ax, pos, row.dose_mg_min, row.dose_mg_max, OKABE_ITO["blue"], legend)
        ax.text(row.dose_mg_max, pos, f"  {row.n}", va="center", fontsize=BASE_FONT_PT - 1)
        low, high = row.dose_mg_min, row.dose_mg_max
        labels.append(f"{low:g} mg" if low == high else f"{low:g}–{high:g} mg")
    return labels


def plot_doses(studies: pd.DataFrame, band: tuple[float, float],
               labels: dict[str, str] | None = None) -> bytes:
    """Daily dose range of each human LDN study (min to max), with the claimed band shaded.

    Up to ``MAX_LABELLED_DOSE_ROWS`` studies are drawn one per row; beyond that, one row per
    distinct range with the number of studies reporting it.
    """
    title = "Daily naltrexone doses reported in human LDN studies"
    data = _dose_rows(studies, labels or {})
    if data.empty:
        return _no_data_png(title)
    per_study = len(data) <= MAX_LABELLED_DOSE_ROWS
    n_rows = len(data) if per_study else min(
        MAX_LABELLED_DOSE_ROWS, len(data.drop_duplicates(["dose_mg_min", "dose_mg_max"])))
    fig = _new_figure(3.0 + 0.32 * n_rows)
    ax = fig.add_subplot()
    ax.axvspan(band[0], band[1], color="#E8E8E8", zorder=0,
               label=f"Claimed range {band[0]:g}–{band[1]:g} mg")
    tick_labels = _draw_dose_per_study(ax, data) if per_study else _draw_dose_per_range(ax, data)
    ax.set_yticks(range(len(tick_labels)), tick_labels)
    ax.set_ylim(len(tick_labels) - 0.5, -0.5)
    ax.set_xlim(0, max(6.0, float(data["dose_mg_max"].max()) * 1.1))
    ylabel = "Study (sorted by highest dose)" if per_study else "Dose range (studies at right)"
    _style_axes(ax, title if per_study else f"{title} (n = {len(data)})",
                "Daily dose (mg); a dot is a fixed dose, a bar a range or titration", ylabel)
    ax.grid(axis="x", color="#CCCCCC", linewidth=0.6, zorder=1)
    _legend_below(fig, ax)
    return _to_png(fig)


def _participant_counts(claim_evidence: pd.DataFrame, level: str) -> pd.DataFrame:
    data = claim_evidence
    levels = data["design"].map(categorise_design)
    if "evidence_level" in data.columns:
        levels = data["evidence_level"].fillna(levels)
    data = data[levels == level]
    if "counted" in data.columns:
        data = data[data["counted"].fillna(True).astype(bool)]
    if "is_retracted" in data.columns:
        data = data[~data["is_retracted"].fillna(False).astype(bool)]
    data = data.assign(result=data["result"].fillna("no result"),
                       n=data["n_enrolled"].fillna(0).astype(float))
    return data.pivot_table(index="claim_id", columns="result", values="n", aggfunc="sum",
                            fill_value=0.0)


def plot_participants_per_claim(claim_evidence: pd.DataFrame, claim_ids: Sequence[str],
                                sort_key: Callable[[str], Any] = str) -> bytes:
    """Participants enrolled in counted trials per claim, stacked by the trial's result."""
    title = "Participants in matching trials per claim, by trial result"
    needed = ["claim_id", "design", "n_enrolled", "result"]
    if not _present(claim_evidence, needed) or not claim_ids:
        return _no_data_png(title)
    panels = (("rct", "Randomised trials"), ("nonrandomized_trial", "Non-randomised trials"))
    ids = sorted(set(claim_ids) | set(claim_evidence["claim_id"].astype(str)), key=sort_key)
    tables = [_participant_counts(claim_evidence, key) for key, _ in panels]
    if all(t.empty for t in tables):
        return _no_data_png(title, "No matching trials")
    fig = _new_figure(2.8 + 0.5 * len(ids))
    axes = fig.subplots(1, 2, sharey=True)
    result_order = [r for r in RESULT_COLOURS if any(r in t.columns for t in tables)]
    for i, (ax, (_, panel_title), table) in enumerate(zip(axes, panels, tables, strict=True)):
        counts = table.reindex(index=ids, columns=result_order, fill_value=0.0)
        _stacked_barh(ax, counts, RESULT_COLOURS, {}, invert=i == 0)  # shared y: invert once
        _style_axes(ax, panel_title, "Participants enrolled", "")
        ax.title.set_fontsize(BASE_FONT_PT + 1)
        ax.set_xlim(0, max(1.0, float(counts.sum(axis=1).max()) * 1.18))
    axes[0].set_ylabel("Claim", fontsize=BASE_FONT_PT + 1)
    handles = [_patch(RESULT_COLOURS[r]) for r in result_order]
    fig.legend(handles, result_order, loc="outside lower center", ncols=len(result_order),
               fontsize=BASE_FONT_PT, frameon=False, title="Trial result",
               title_fontsize=BASE_FONT_PT)
    fig.suptitle(title, fontsize=BASE_FONT_PT + 3, x=0.01, ha="left")
    return _to_png(fig)


def _patch(colour: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, edgecolor="white")


# --- PRISMA flow diagram ------------------------------------------------------------------------

_BOX_STYLE = "round,pad=0.02,rounding_size=0.08"


def _box(ax: Axes, x: float, y: float, w: float, h: float, text: str, fill: str = "white",
         bold_first: bool = False, size: int = BASE_FONT_PT) -> None:
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle=_BOX_STYLE, facecolor=fill,
                                edgecolor="#333333", linewidth=1.2))
    lines = text.split("\n")
    if bold_first and len(lines) > 1:
        ax.text(x + w / 2, y + h - 0.18, lines[0], ha="center", va="top",
                fontsize=BASE_FONT_PT, fontweight="bold")
        ax.text(x + w / 2, y + h - 0.5, "\n".join(lines[1:]), ha="center", va="top",
                fontsize=BASE_FONT_PT, linespacing=1.4)
    else:
        ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size,
                linespacing=1.3)


def _arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float]) -> None:
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "-|>", "color": "#333333", "linewidth": 1.4,
                            "mutation_scale": 16})


def _phase(ax: Axes, y: float, h: float, label: str) -> None:
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((0.05, y), 0.45, h, boxstyle=_BOX_STYLE, facecolor="#BFD7EA",
                                edgecolor="none", linewidth=0))
    ax.text(0.275, y + h / 2, label, rotation=90, ha="center", va="center",
            fontsize=BASE_FONT_PT, fontweight="bold")


def _claim_boxes(ax: Axes, flow: PrismaFlow, top: float, height: float,
                 source: tuple[float, float]) -> None:
    claims = flow.claims
    x0, width_total, gap = 0.7, 9.2, 0.15
    size = BASE_FONT_PT if len(claims) <= 4 else BASE_FONT_PT - 2  # keep many boxes legible
    w = (width_total - gap * (len(claims) - 1)) / len(claims)
    for i, (claim_id, condition, n_trials, n_rcts) in enumerate(claims):
        x = x0 + i * (w + gap)
        wrapped = textwrap.fill(f"{claim_id}: {condition.replace('_', ' ')}",
                                width=max(8, int(w * 8)), break_long_words=False)
        text = f"{wrapped}\n{n_trials} trial(s)\n{n_rcts} randomised"
        _box(ax, x, top - height, w, height, text, fill="#F2F2F2", size=size)
        _arrow(ax, source, (x + w / 2, top))


# Vertical layout of the diagram, in inches from the top.
_TITLE_H, _GAP_H, _IDENT_H, _INCLUDED_H, _CLAIM_H = 0.8, 0.6, 1.4, 1.4, 1.5


def plot_prisma(flow: PrismaFlow) -> bytes:
    """A PRISMA 2020-style flow diagram: identification, screening, inclusion, trials per claim."""
    has_claims = bool(flow.claims)
    exclusions = (f"not low-dose naltrexone: {flow.n_not_ldn}\n"
                  f"not in humans: {flow.n_not_human}\n"
                  f"no pain condition: {flow.n_not_pain}")
    if flow.n_not_assessed:
        exclusions += f"\nnot assessed (no extraction): {flow.n_not_assessed}"
    ex_h = 1.9 if flow.n_not_assessed else 1.6
    height = (_TITLE_H + _IDENT_H + _GAP_H + ex_h + _GAP_H + _INCLUDED_H + 0.2
              + ((_GAP_H + 0.3 + _CLAIM_H) if has_claims else 0.0))
    fig = _new_figure(height, constrained=False)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    ax.text(0.1, height - 0.25, "PRISMA 2020-style flow of records", fontsize=BASE_FONT_PT + 3,
            va="top")
    lx, lw, rx, rw = 0.7, 4.6, 5.9, 4.0
    top = height - _TITLE_H
    _phase(ax, top - _IDENT_H, _IDENT_H, "Identification")
    _box(ax, lx, top - _IDENT_H, lw, _IDENT_H,
         f"Records identified from PubMed\n(all versions parsed from raw)\nn = {flow.n_identified}")
    _box(ax, rx, top - _IDENT_H, rw, _IDENT_H,
         "Records removed before screening\n"
         f"older versions / repeated PMIDs: {flow.n_duplicates}\n"
         f"deleted by NLM: {flow.n_deleted}", bold_first=True)
    _arrow(ax, (lx + lw, top - _IDENT_H / 2), (rx, top - _IDENT_H / 2))
    s_top = top - _IDENT_H - _GAP_H
    _phase(ax, s_top - ex_h, ex_h, "Screening")
    _box(ax, lx, s_top - ex_h, lw, ex_h,
         f"Records screened\n(title, abstract, MeSH)\nn = {flow.n_screened}")
    _box(ax, rx, s_top - ex_h, rw, ex_h, "Records excluded (first reason)\n" + exclusions,
         bold_first=True)
    _arrow(ax, (lx + lw / 2, top - _IDENT_H), (lx + lw / 2, s_top))
    _arrow(ax, (lx + lw, s_top - ex_h / 2), (rx, s_top - ex_h / 2))
    i_top = s_top - ex_h - _GAP_H
    _phase(ax, i_top - _INCLUDED_H, _INCLUDED_H, "Included")
    _box(ax, lx, i_top - _INCLUDED_H, 9.2, _INCLUDED_H,
         f"Studies included (human, LDN, pain): n = {flow.n_included}\n"
         f"randomised trials {flow.n_included_rcts} · non-randomised trials "
         f"{flow.n_included_other_trials} · observational {flow.n_included_observational}\n"
         f"reviews {flow.n_included_reviews} · other {flow.n_included_other}"
         f" · retracted (shown, never counted) {flow.n_included_retracted}",
         fill="#E8F1F8", bold_first=True)
    _arrow(ax, (lx + lw / 2, s_top - ex_h), (lx + lw / 2, i_top))
    if has_claims:
        c_top = i_top - _INCLUDED_H - _GAP_H - 0.3
        _phase(ax, c_top - _CLAIM_H, _CLAIM_H, "Per claim")
        ax.text(lx, i_top - _INCLUDED_H - 0.12, "Independent trials matching each claim",
                fontsize=BASE_FONT_PT - 1, va="top", style="italic", color="#333333")
        _claim_boxes(ax, flow, c_top, _CLAIM_H, (lx + 4.6 + 2.3, i_top - _INCLUDED_H))
    return _to_png(fig)

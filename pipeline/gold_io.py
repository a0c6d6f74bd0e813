"""Gold files from labelling tools, and predictions to them: so a person reviews rather than types.

- ``import_labelstudio``: Label Studio's JSON export. A region's label is the gold ``type``; per-region
  attributes (a ``TextArea`` or ``Choices`` whose ``name`` is a gold field: ``value``, ``unit``,
  ``qualifier``, ``metric``, ``subject``…) fill the other fields. A region labelled ``fact`` spans the
  evidence sentence.
- ``import_doccano``: doccano's JSONL export (``label: [[start, end, type]]`` or ``entities``). doccano
  has no attributes, so ``value`` stays null: fill it in before the file is used as gold.
- ``export_labelstudio``: the extracted tables as Label Studio tasks with ``predictions`` (pre-annotations),
  in the same label config (``LABEL_CONFIG``), so an import of the reviewed export gives gold lines.

Offsets are always raw offsets: task texts are the articles as ``pipeline.ingest`` reads them, and an
import checks every span against that text. Reads tables only; never imports an extractor.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pipeline.commands import EXTRACTED, add_command, add_group, option, path, switch
from pipeline.errors import NewsfactsError
from pipeline.gold import FACT, TYPE_TABLES, TYPES, GoldError, check_gold_line, iter_jsonl

#: Per-region attributes carried between Label Studio and gold lines (the TextArea/Choices names).
ATTRIBUTES = (
    "value", "value_low", "value_high", "unit", "qualifier", "metric", "subject", "change",
    "per_quantity", "per_unit", "equivalent_of", "date_type", "mod", "granularity", "start_date",
    "end_date", "period", "mention_text",
)
NUMERIC = ("value", "value_low", "value_high", "per_quantity")
#: Key order of written gold lines (others follow alphabetically).
FIRST_KEYS = ("type", "text", "start", "end", "value", "unit", "qualifier", "metric", "subject")

LABEL_CONFIG = """<View>
  <Labels name="type" toName="text">
""" + "".join(f'    <Label value="{t}"/>\n' for t in TYPES) + """  </Labels>
  <Text name="text" value="$text"/>
  <View visibleWhen="region-selected">
""" + "".join(
    f'    <TextArea name="{a}" toName="text" perRegion="true" maxSubmissions="1" editable="true" placeholder="{a}"/>\n'
    for a in ATTRIBUTES
) + """  </View>
</View>
"""


class LabelImportError(NewsfactsError):
    """A labelling-tool export cannot be turned into gold lines (names the file and the task)."""


# --- raw texts ---------------------------------------------------------------------------------------


def raw_texts(raw: Path) -> dict[str, str]:
    """Article texts exactly as the pipeline reads them (the coordinates of every gold offset)."""
    from pipeline.ingest import Article, iter_articles

    return {a.article_id: a.raw_text for a in iter_articles(Path(raw)) if isinstance(a, Article)}


# --- import --------------------------------------------------------------------------------------------


def _attr_value(name: str, raw: Any, kind: str) -> Any:
    """A TextArea/Choices value as a gold field: numbers for numeric fields (not for dates), None for empty."""
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    if raw is None:
        return None
    text = str(raw).strip()
    if text in ("", "null", "None"):
        return None
    if name in NUMERIC and kind != "date":
        try:
            number = float(text.replace(",", "").replace("_", ""))
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    return text


def _task_article_id(task: Mapping[str, Any], where: str) -> str:
    data = task.get("data") or {}
    for key in ("article_id", "meta_article_id"):
        if data.get(key):
            return str(data[key])
    meta = task.get("meta") or {}
    if meta.get("article_id"):
        return str(meta["article_id"])
    raise LabelImportError(f"{where}: task has no data.article_id (export tasks with `newsfacts gold export` to keep it)")


def _choose_annotation(task: Mapping[str, Any]) -> list[dict] | None:
    """The last annotation that was not cancelled (Label Studio appends in submission order)."""
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not annotations:
        return None
    return list(annotations[-1].get("result") or [])


def regions_to_gold(results: Iterable[Mapping[str, Any]], where: str) -> list[dict[str, Any]]:
    """Label Studio result items (labels + per-region attributes sharing an ``id``) to gold lines."""
    regions: dict[str, dict[str, Any]] = {}
    attrs: dict[str, dict[str, Any]] = {}
    for item in results:
        rid = str(item.get("id"))
        value = item.get("value") or {}
        if item.get("type") == "labels":
            labels = value.get("labels") or []
            if len(labels) != 1 or labels[0] not in TYPES:
                raise LabelImportError(f"{where}: region {rid} has label(s) {labels}; expected one of {', '.join(TYPES)}")
            regions[rid] = {"type": labels[0], "text": value.get("text"), "start": value.get("start"), "end": value.get("end")}
        elif item.get("type") in ("textarea", "choices") and item.get("from_name") in ATTRIBUTES:
            attrs.setdefault(rid, {})[item["from_name"]] = value.get("text", value.get("choices"))
    rows = []
    for rid, region in regions.items():
        kind = region["type"]
        row: dict[str, Any] = dict(region)
        row.setdefault("value", None)
        for name, raw in attrs.get(rid, {}).items():
            row[name] = _attr_value(name, raw, kind)
        row.setdefault("value", None)
        if kind == FACT:  # the region is the evidence sentence
            row["evidence_start"], row["evidence_end"] = row.pop("start"), row.pop("end")
            row.pop("text", None)
            row.setdefault("subject", None)
            row.setdefault("metric", None)
        rows.append(row)
    return rows


def _checked(rows: list[dict[str, Any]], text: str | None, where: str) -> list[dict[str, Any]]:
    """Validate every line as the scorer does and check spans against the raw text; sort; order keys."""
    out = []
    for row in rows:
        if text is not None and row["type"] != FACT:
            start, end = row.get("start"), row.get("end")
            if isinstance(start, int) and isinstance(end, int):
                if row.get("text") is None:
                    row["text"] = text[start:end]
                elif text[start:end] != row["text"]:
                    raise LabelImportError(f"{where}: span [{start}:{end}] is {text[start:end]!r} in the raw text, not {row['text']!r}")
        check_gold_line(row, f"{where} ({row.get('type')} {row.get('text') or row.get('mention_text')!r})")
        out.append(_ordered(row))
    return sorted(out, key=lambda r: (r.get("start", r.get("evidence_start")), r.get("end", r.get("evidence_end")), r["type"]))


def _ordered(row: Mapping[str, Any]) -> dict[str, Any]:
    first = {k: row[k] for k in FIRST_KEYS if k in row}
    return {**first, **{k: row[k] for k in sorted(row) if k not in first}}


def import_labelstudio(path: Path, texts: Mapping[str, str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Gold lines per article from a Label Studio JSON export (a list of tasks)."""
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise LabelImportError(f"{path}: not a Label Studio JSON export ({exc})") from None
    if not isinstance(tasks, list):
        raise LabelImportError(f"{path}: expected a JSON list of tasks")
    out: dict[str, list[dict[str, Any]]] = {}
    for n, task in enumerate(tasks, 1):
        where = f"{path}: task {task.get('id', n)}"
        article_id = _task_article_id(task, where)
        results = _choose_annotation(task)
        if results is None:
            continue  # not annotated yet: nothing to import
        text = _reference_text(article_id, (task.get("data") or {}).get("text"), texts, where)
        out.setdefault(article_id, []).extend(_checked(regions_to_gold(results, where), text, where))
    return out


def _reference_text(article_id: str, task_text: str | None, texts: Mapping[str, str] | None, where: str) -> str | None:
    """The raw text offsets refer to; a task text that differs from raw/ would shift every offset."""
    raw = texts.get(article_id) if texts is not None else None
    if texts is not None and raw is None:
        raise LabelImportError(f"{where}: article {article_id!r} is not in the raw folder")
    if raw is not None and task_text is not None and task_text != raw:
        raise LabelImportError(f"{where}: the task text differs from raw/{article_id}: offsets would not line up")
    return raw if raw is not None else task_text


def import_doccano(path: Path, texts: Mapping[str, str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Gold lines per article from doccano's JSONL export; ``value`` is null (doccano has no attributes)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for where, record in iter_jsonl(path, LabelImportError):
        article_id = record.get("article_id") or (record.get("meta") or {}).get("article_id")
        if not article_id:
            raise LabelImportError(f"{where}: no article_id field (add it as a column when importing texts into doccano)")
        spans = [(s, e, lab) for s, e, lab in record.get("label") or record.get("labels") or []]
        spans += [(e["start_offset"], e["end_offset"], e["label"]) for e in record.get("entities") or []]
        rows = []
        for start, end, label in spans:
            if label not in TYPE_TABLES:
                raise LabelImportError(f"{where}: label {label!r} is not a mention type ({', '.join(TYPE_TABLES)})")
            rows.append({"type": label, "text": record.get("text", "")[start:end] or None, "start": start, "end": end, "value": None})
        text = _reference_text(str(article_id), record.get("text"), texts, where)
        out.setdefault(str(article_id), []).extend(_checked(rows, text, where))
    return out


def write_gold(gold: Mapping[str, list[dict[str, Any]]], out_dir: Path, force: bool = False) -> list[Path]:
    """One ``<article_id>.jsonl`` per article; an existing gold file is never overwritten without ``force``."""
    out_dir = Path(out_dir)
    targets = {aid: out_dir / f"{aid}.jsonl" for aid in gold}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not force:
        raise GoldError(f"gold file(s) exist: {', '.join(existing)}; pass --force to replace them")
    out_dir.mkdir(parents=True, exist_ok=True)
    for aid, rows in gold.items():
        targets[aid].write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return list(targets.values())


# --- export --------------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    from pipeline.gold import plain

    value = plain(value)
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return None
    return value


def _region(rid: str, kind: str, start: int, end: int, text: str, attrs: Mapping[str, Any]) -> list[dict[str, Any]]:
    span = {"start": int(start), "end": int(end), "text": text}
    items = [{"id": rid, "from_name": "type", "to_name": "text", "type": "labels", "value": {**span, "labels": [kind]}}]
    for name, value in attrs.items():
        if value is None:
            continue
        shown = (str(int(value)) if value.is_integer() else repr(value)) if isinstance(value, float) else str(value)
        items.append({"id": rid, "from_name": name, "to_name": "text", "type": "textarea", "value": {**span, "text": [shown]}})
    return items


#: table column -> gold attribute, per table (money's amount is the gold value, its currency the unit).
EXPORT_COLUMNS: dict[str, dict[str, str]] = {
    "money": {"amount": "value", "amount_low": "value_low", "amount_high": "value_high", "currency": "unit", "qualifier": "qualifier", "metric": "metric", "per_quantity": "per_quantity", "per_unit": "per_unit"},
    "user_counts": {"value": "value", "value_low": "value_low", "value_high": "value_high", "qualifier": "qualifier", "metric": "metric"},
    "quantities": {"value": "value", "value_low": "value_low", "value_high": "value_high", "unit": "unit", "qualifier": "qualifier", "change": "change"},
    "dates": {"value": "value", "type": "date_type", "granularity": "granularity", "mod": "mod"},
    "facts": {"subject": "subject", "metric": "metric", "value": "value", "unit": "unit", "qualifier": "qualifier", "period": "period", "text": "mention_text"},
}


def prediction_regions(tables: Mapping[str, list[dict[str, Any]]], text: str) -> list[dict[str, Any]]:
    """Label Studio result items for one article's rows."""
    results: list[dict[str, Any]] = []
    by_table = {t: k for k, (t, sub) in TYPE_TABLES.items() if sub is None}
    for table, columns in EXPORT_COLUMNS.items():
        for i, row in enumerate(tables.get(table, [])):
            attrs = {gold: _plain(row.get(col)) for col, gold in columns.items()}
            if table == "facts":
                start, end = int(row["evidence_start"]), int(row["evidence_end"])
                kind = FACT
            else:
                start, end = int(row["start"]), int(row["end"])
                kind = row["kind"] if table == "quantities" else by_table[table]
            if kind not in TYPES:
                continue
            results.extend(_region(f"{table}-{i}", kind, start, end, text[start:end], attrs))
    return results


def export_labelstudio(extracted: Path, texts: Mapping[str, str]) -> list[dict[str, Any]]:
    """One Label Studio task per article, with the extracted rows as ``predictions``."""
    from pipeline.tables import read_table
    from pipeline.version import __version__

    frames = {t: read_table(t, extracted, missing_ok=True) for t in EXPORT_COLUMNS}
    tasks = []
    for article_id, text in sorted(texts.items()):
        rows = {t: f[f["article_id"] == article_id].to_dict("records") for t, f in frames.items()}
        tasks.append({
            "data": {"text": text, "article_id": article_id},
            "predictions": [{"model_version": f"newsfacts {__version__}", "result": prediction_regions(rows, text)}],
        })
    return tasks


# --- command -------------------------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction) -> None:
    gold = add_group(sub, "gold", "import gold from Label Studio / doccano, export predictions to Label Studio")
    add_command(
        gold,
        cmd_import,
        (
            option("export", "the tool's export file", type=Path),
            option("--format", "default: by extension (.json Label Studio, .jsonl doccano)", choices=("labelstudio", "doccano"), default=None),
            path("--raw", "raw", "raw articles; every span is checked against them (default: raw/)"),
            path("--out", "tests/gold", "folder for <article_id>.jsonl (default: tests/gold/)"),
            switch("--force", "replace existing gold files"),
        ),
    )
    add_command(
        gold,
        cmd_export,
        (
            EXTRACTED,
            path("--raw", "raw", "raw articles: the task texts (default: raw/)"),
            path("--out", None, "tasks JSON to write (import it into Label Studio)", required=True),
            path("--config", None, "also write the Label Studio labeling config XML here"),
        ),
    )


def cmd_import(args: argparse.Namespace) -> int:
    """turn a Label Studio JSON export or a doccano JSONL export into gold files"""
    fmt = args.format or ("doccano" if args.export.suffix == ".jsonl" else "labelstudio")
    texts = raw_texts(args.raw) if args.raw.is_dir() else None
    gold = (import_doccano if fmt == "doccano" else import_labelstudio)(args.export, texts)
    paths = write_gold(gold, args.out, args.force)
    rows = sum(len(r) for r in gold.values())
    empty = sum(1 for r in gold.values() for row in r if row.get("value") is None)
    print(f"newsfacts gold: {rows} line(s) for {len(paths)} article(s) written to {args.out}")
    if empty:
        print(f"  {empty} line(s) have no value yet: fill them in before validating")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """write the extracted rows as Label Studio tasks with pre-annotations"""
    tasks = export_labelstudio(args.extracted, raw_texts(args.raw))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = sum(len(t["predictions"][0]["result"]) for t in tasks)
    print(f"newsfacts gold: {len(tasks)} task(s), {n} pre-annotation item(s) written to {args.out}")
    if args.config is not None:
        args.config.write_text(LABEL_CONFIG, encoding="utf-8")
        print(f"  labeling config written to {args.config}")
    return 0

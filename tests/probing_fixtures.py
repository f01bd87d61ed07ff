"""Questions and key points written the way candidates write their notes, for probing tests.

Not the seed corpus: terse bullets, half-sentences, labels, numbers and jargon, as real prep
notes have them, so the phrasing engine is judged on more than one author's habits.
"""

from __future__ import annotations

from retrieval.question_bank import Question


def make_question(
    text: str,
    points: list[str],
    qid: str = "q-fixture",
    doc: str = "notes",
    headings: list[str] | None = None,
) -> Question:
    return Question(
        id=qid,
        question=text,
        golden_answer="\n".join(f"- {p}" for p in points) or None,
        key_points=points,
        doc_id=doc,
        heading_path=headings or ["Interview prep", text],
        line=1,
        form="heading",
    )


FIXTURES: list[Question] = [
    make_question(
        "How does Kafka replication work?",
        [
            "Each partition has one leader and N-1 followers; clients talk to the leader.",
            "The ISR (in-sync replicas) is the set of followers caught up with the leader.",
            "If a broker drops out of the ISR, writes carry on while min.insync.replicas is met.",
            "acks=all trades latency for durability.",
        ],
        qid="q-kafka-repl",
        headings=["Kafka", "Replication"],
    ),
    make_question(
        "When would you use LAG or LEAD?",
        [
            "LAG/LEAD avoid self-joins.",
            "LAG looks at the previous row, LEAD at the next one, in the window's ORDER BY.",
            "Typical use: day-over-day change in revenue.",
        ],
        qid="q-lag-lead",
        headings=["SQL", "Window functions"],
    ),
    make_question(
        "How do you make a daily load safe to re-run?",
        [
            "Partition by load date and overwrite the whole partition on rerun.",
            "MERGE on the business key instead of a plain INSERT.",
            "Appending without a dedupe key double counts on every retry.",
        ],
        qid="q-idempotent",
        headings=["Pipelines", "Idempotency"],
    ),
    make_question(
        "How would you orchestrate the nightly pipeline?",
        [
            "Airflow schedules the DAG at 02:00 UTC, after the source exports land.",
            "Retries with exponential backoff handle transient API errors.",
            "SLA misses alert the on-call channel in Slack.",
        ],
        qid="q-orchestrate",
        headings=["Pipelines", "Orchestration"],
    ),
    make_question(
        "How would you design the notification service?",
        [
            "Pub/Sub decouples the notification service from the order service.",
            "A dead-letter topic catches messages that fail five times.",
            "Push subscriptions are cheaper to run than pull, but you lose flow control.",
        ],
        qid="q-notify",
        headings=["System design", "Notifications"],
    ),
    make_question(
        "What is a consumer group?",
        [
            "A consumer group is a set of consumers that share a topic's partitions.",
            "Each partition is read by exactly one consumer in the group.",
            "Consumers beyond the partition count sit idle.",
        ],
        qid="q-consumer-group",
        headings=["Kafka", "Consumers"],
    ),
    make_question(
        "Why heavy smoothing?",
        [
            "10 Hz tracking has single-frame errors that create fake speed spikes.",
            "Rolling median removes outliers, rolling mean smooths the result.",
        ],
        qid="q-smoothing",
        doc="takehome",
        headings=["Technical decisions"],
    ),
    make_question(
        "Why rolling median THEN rolling mean?",
        ["Median removes outliers, mean smooths the result"],
        qid="q-median-mean",
        doc="takehome",
        headings=["Technical decisions", "Sprint detection"],
    ),
    make_question(
        "What's the difference between a data warehouse and a data lake?",
        [
            "A warehouse stores modelled, schema-on-write tables for BI.",
            "A lake keeps raw files of any format, schema-on-read.",
            "Lakes are cheaper per TB but need more governance to stay usable.",
        ],
        qid="q-lake-warehouse",
        headings=["Storage"],
    ),
    make_question(
        "How would you size the Spark cluster for the backfill?",
        [
            "Roughly 128 MB per partition, so 2 TB is about 16,000 partitions.",
            "Executors with 4-5 cores each; more cores per executor hurts HDFS throughput.",
            "Spot instances cut cost by about 70% but can be reclaimed mid-job.",
        ],
        qid="q-sizing",
        headings=["Spark", "Performance"],
    ),
    # A system-design brief, in full sentences.
    make_question(
        "How would you ingest bets from the exchange without double counting?",
        [
            "Every bet carries a bet_id, so the consumer upserts on bet_id rather than appending.",
            "When the exchange replays a day, the upsert makes the replay a no-op.",
            "Late bets land in the partition of their event time, not their arrival time.",
            "Exactly-once delivery is expensive; at-least-once plus idempotent writes is enough.",
        ],
        qid="q-bets",
        doc="betting-brief",
        headings=["Betting platform", "Ingestion"],
    ),
    # Python fundamentals, Q&A style.
    make_question(
        "What is the GIL?",
        [
            "The GIL is a mutex that lets only one thread execute Python bytecode at a time.",
            "CPU-bound threads don't speed up; use multiprocessing instead of threading.",
            "I/O-bound code still benefits from threads because the GIL is released on I/O.",
        ],
        qid="q-gil",
        doc="python-notes",
        headings=["Python", "Concurrency"],
    ),
    # Terse arrow notes.
    make_question(
        "Broadcast join - when?",
        [
            "Small table (< 10 MB by default) → broadcast to every executor, no shuffle.",
            "spark.sql.autoBroadcastJoinThreshold controls the limit.",
            "Broadcasting a big table → driver OOM.",
        ],
        qid="q-broadcast",
        doc="spark-notes",
        headings=["Spark", "Joins"],
    ),
    make_question(
        "How do you handle schema drift from third-party APIs?",
        [
            "Land raw JSON in bronze untouched so nothing is lost.",
            "A schema registry rejects breaking changes before they hit silver.",
            "Additive columns are merged automatically; removed columns alert the owner.",
        ],
        qid="q-drift",
        doc="pipeline-notes",
        headings=["Pipelines", "Schema drift"],
    ),
    make_question(
        "What's the difference between a process and a thread?",
        [
            "Processes have separate memory; threads share the memory of their process.",
            "Threads are cheaper to create but a crash in one can take the process down.",
        ],
        qid="q-proc-thread",
        doc="python-notes",
        headings=["Python", "Concurrency"],
    ),
]

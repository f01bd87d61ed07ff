"""The offline phrasing engine: follow-ups, hints, STAR probing and clarifying questions.

Pure, deterministic and fast (no model, no I/O), so the offline interviewer can speak like an
interviewer and the eval can check every line it says. One thing per module:
`point_kinds` reads a key point (kind and subject), `follow_ups` asks about a missed one,
`sub_questions` finds the notes' own question about it, `defects` judges any follow-up,
`hints` gives three levels of hint, `star` reads behavioural stories, `clarifying` answers
the candidate's questions from the notes.
"""

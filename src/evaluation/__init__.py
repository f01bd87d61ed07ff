"""Offline evaluation of Rehearse itself: the grader, the interviewer and retrieval, measured
against golden answers and compared with a committed baseline."""

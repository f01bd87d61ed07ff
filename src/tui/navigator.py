"""What screens may ask of the app: to move between screens. The app implements it; screens
cast to it, so they depend on this small seam rather than on the app module."""

from __future__ import annotations

from typing import Protocol

from agent.interfaces import Session
from agent.report import Report


class Navigator(Protocol):
    def open_interview(self, session: Session) -> None: ...
    def open_report(self, session: Session, report: Report) -> None: ...
    def back_to_start(self) -> None: ...

"""Lessons: the course inside the app, without Qt.

A lesson is a JSON file of resources/lessons/ (format in resources/lessons/README.md): text in English
and Brazilian Portuguese, a circuit, and steps whose checks the runner evaluates against a document
and its evaluator. engine.teaching.bugs holds the classic mistakes as switches, never on by default.
"""

from .lesson import Lesson, LessonError, Step, all_lessons, lessons_dir, load, loads
from .runner import LessonRunner, Verdict

__all__ = ["Lesson", "LessonError", "LessonRunner", "Step", "Verdict", "all_lessons", "lessons_dir", "load", "loads"]

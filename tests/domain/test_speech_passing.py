"""Words said of where the keys are (``say_instead``) are not news: a new reading
drops them instead of reading them first, and once read or dropped they are
forgotten, so later news with the same words is news."""

from __future__ import annotations

import time

from tests.domain.test_speech import _started_texts, reading_voice


def test_a_new_reading_drops_where_the_keys_were_and_keeps_the_news() -> None:
    # Found by a review: on home, the pointer moved while something was read, then
    # a session opened: "Session B, 2 of 3" was read before the question.
    speaker, started = reading_voice()
    speaker.say("Home.")
    speaker.say_instead(None, "Session A, 1 of 3")
    speaker.tell("Saved.")
    speaker.say_instead("Session A, 1 of 3", "Session B, 2 of 3")
    speaker.say("Question 1.")
    assert _started_texts(started, 2)[-1] == "Saved.\nQuestion 1."
    started[-1].finish()
    time.sleep(0.05)
    assert len(started) == 2  # the pointer's words are not read after it either


def test_pointer_words_read_are_forgotten_and_the_same_words_later_are_news() -> None:
    speaker, started = reading_voice()
    speaker.say("Home.")
    speaker.say_instead(None, "Seat 2 voted.")  # where the keys are, waiting
    started[0].finish()
    assert _started_texts(started, 2)[-1] == "Seat 2 voted."
    started[-1].finish()
    time.sleep(0.05)
    speaker.tell("Seat 1 voted.")
    speaker.tell("Seat 2 voted.")  # news now, in the same words
    started[-1].finish()
    assert _started_texts(started, 4)[-1] == "Seat 2 voted."
    # News being read is never cut short by a box: the box waits its turn.
    assert speaker.say_over("Note box.") is None
    assert len(started) == 4 and started[3].ended is None
    started[3].finish()
    assert _started_texts(started, 5)[-1] == "Note box."


def test_pointer_words_dropped_are_forgotten() -> None:
    speaker, started = reading_voice()
    speaker.say("Home.")
    speaker.say_instead(None, "Seat 2 voted.")
    speaker.say_instead("Seat 2 voted.", "Seat 3 voted.")  # the first is dropped
    assert speaker._passing == ["Seat 3 voted."]
    started[0].finish()
    assert _started_texts(started, 2)[-1] == "Seat 3 voted."
    assert speaker._passing == []


def test_pointer_words_waiting_behind_a_box_are_still_not_news() -> None:
    speaker, started = reading_voice()
    speaker.say("Home.")
    speaker.say_instead(None, "Session B, 2 of 3")
    assert speaker.say_over("Note box.") is None  # the box cuts the reading short
    assert _started_texts(started, 2)[-1] == "Note box."
    speaker.say("Question 1.")
    assert _started_texts(started, 3)[-1] == "Question 1."

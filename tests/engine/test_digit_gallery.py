"""The gallery of misclassified test digits (engine.circuit.digit_gallery) against a direct numpy forward
pass of the MLP on the held-out rows: which rows, their true and predicted classes, the probability, the
order (most confident first), the trainer's own split, and the cases with nothing to show."""

import numpy as np

from engine import datasets
from engine.circuit import io
from engine.circuit.batches import split
from engine.circuit.digit_gallery import held_out_rows, misclassified
from engine.circuit.evaluate import Evaluator
from engine.circuit.training import Trainer
from tests.conftest import EXAMPLES
from tests.engine.digits_support import dense_layers, numpy_scores, trained_digits


def numpy_gallery(doc, rows):
    """[(row, true, predicted, probability)] of the wrong rows, highest probability first, by numpy."""
    X, y = datasets.digits()
    z = numpy_scores(doc, X[rows])
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    pred = p.argmax(axis=1)
    out = [(int(r), int(t), int(k), float(p[i, k])) for i, (r, t, k) in enumerate(zip(rows, y[rows], pred, strict=True))
           if k != t]
    return sorted(out, key=lambda m: (-m[3], m[0]))


def check_against_numpy(gallery, doc, rows):
    X, _ = datasets.digits()
    expected = numpy_gallery(doc, rows)
    assert [(m.row, m.true, m.predicted) for m in gallery.mistakes] == [e[:3] for e in expected]
    np.testing.assert_allclose([m.confidence for m in gallery.mistakes], [e[3] for e in expected], rtol=1e-10)
    for m in gallery.mistakes:
        np.testing.assert_array_equal(m.picture, X[m.row].reshape(8, 8))
    assert gallery.tested == len(rows) and gallery.finite


def test_the_untrained_network_gets_most_test_digits_wrong_as_numpy_says():
    doc = io.load(EXAMPLES / "digits.json")
    gallery = misclassified(Evaluator(doc))
    _, test = split(1797, 0.2, 0)
    check_against_numpy(gallery, doc, test)
    assert gallery.tested == 359 and len(gallery.mistakes) > 250  # random weights: about 9 in 10 wrong
    conf = [m.confidence for m in gallery.mistakes]
    assert conf == sorted(conf, reverse=True)


def test_after_training_a_few_test_digits_stay_wrong_the_rows_the_trainer_holds_out():
    doc = trained_digits()
    ev = Evaluator(doc)
    trainer = Trainer(doc, ev)
    trainer.step()  # one more step: the trainer's own split is made
    np.testing.assert_array_equal(trainer.feed.test, held_out_rows(doc, 1797))
    gallery = misclassified(ev, trainer.feed.test)
    check_against_numpy(gallery, doc, trainer.feed.test)
    assert 0 < len(gallery.mistakes) < 0.1 * 359
    assert misclassified(ev).mistakes == gallery.mistakes  # before any trainer: the same seeded split


class _NoValues:
    """The evaluator without its shown values: the gallery must make a pass of its own."""

    def __init__(self, ev):
        self._ev = ev

    def __getattr__(self, name):
        return getattr(self._ev, name)

    values = {}


def test_its_own_pass_over_the_test_rows_gives_the_same_gallery():
    doc = trained_digits()
    ev = Evaluator(doc)
    shown, own = misclassified(ev), misclassified(_NoValues(ev))
    assert [(m.row, m.true, m.predicted) for m in own.mistakes] == [(m.row, m.true, m.predicted)
                                                                    for m in shown.mistakes]
    np.testing.assert_allclose([m.confidence for m in own.mistakes], [m.confidence for m in shown.mistakes],
                               rtol=1e-12)
    rows = np.array([5, 17, 400, 1000])  # any rows asked for
    check_against_numpy(misclassified(_NoValues(ev), rows), doc, rows)


def test_another_seed_or_share_holds_out_other_rows():
    doc = trained_digits(test_share=0.1, seed=3)
    gallery = misclassified(Evaluator(doc))
    _, test = split(1797, 0.1, 3)
    check_against_numpy(gallery, doc, test)
    assert gallery.tested == 180


def test_nothing_held_out_not_a_digit_classifier_and_scores_that_are_not_numbers():
    assert misclassified(Evaluator(trained_digits(test_share=0.0))) == misclassified(
        Evaluator(trained_digits(test_share=None)))
    empty = misclassified(Evaluator(trained_digits(test_share=0.0)))
    assert empty.mistakes == [] and empty.tested == 0
    assert misclassified(Evaluator(io.load(EXAMPLES / "moons.json"))) is None
    doc = trained_digits()
    last = dense_layers(doc)[-1]
    doc.set_params(last.id, {**last.params, "b": np.full(10, np.nan)})
    broken = misclassified(Evaluator(doc))
    assert broken is not None and not broken.finite and broken.mistakes == [] and broken.tested == 359

"""Datasets: shapes, label conventions, the lecture's toys, CSV errors that say where."""

import numpy as np
import pytest

from engine import datasets


@pytest.mark.parametrize("name", list(datasets.DATASETS))
def test_every_dataset_makes_finite_arrays(name):
    X, y = datasets.DATASETS[name]()
    assert X.dtype == np.float64 and X.ndim == 2 and len(X) == len(y) and np.all(np.isfinite(X))
    assert name in datasets.DESCRIPTIONS


def test_binary_labels_are_plus_minus_one_by_default():
    _, y = datasets.moons(n=50)
    assert set(np.unique(y)) == {-1.0, 1.0}
    _, y01 = datasets.moons(n=50, labels="01")
    assert set(np.unique(y01)) == {0.0, 1.0}


def test_seed_toys():
    X, y = datasets.lecture4()
    assert X.tolist()[1] == [3.0, -1.0, 0.5] and y.tolist() == [1.0, -1.0, -1.0, 1.0]
    X, y = datasets.seed3x3()
    assert X.tolist() == [[0, 1, 2], [3, 4, 5], [6, 7, 8]] and y.tolist() == [1.0, 0.0, 1.0]


def test_csv_round_trip_and_clear_errors(tmp_path):
    good = tmp_path / "d.csv"
    good.write_text("a,b,label\n1,2,0\n3,4,1\n")
    X, y = datasets.load_csv(good)
    assert X.tolist() == [[1, 2], [3, 4]] and y.tolist() == [0, 1]
    bad = tmp_path / "bad.csv"
    bad.write_text("1,2,0\n3,x,1\n")
    with pytest.raises(datasets.DatasetError, match="line 2, column 2: 'x' is not a number"):
        datasets.load_csv(bad)
    ragged = tmp_path / "r.csv"
    ragged.write_text("1,2,0\n3,1\n")
    with pytest.raises(datasets.DatasetError, match="line 2: 2 columns, expected 3"):
        datasets.load_csv(ragged)
    empty = tmp_path / "e.csv"
    empty.write_text("")
    with pytest.raises(datasets.DatasetError, match="empty"):
        datasets.load_csv(empty)


def test_split_and_accuracy():
    X, y = datasets.blobs(n=40)
    Xtr, Xte, ytr, yte = datasets.train_test_split(X, y, 0.25, seed=3)
    assert len(Xte) == 10 and len(Xtr) == 30
    assert datasets.accuracy(np.array([0.3, -2.0, 1.0]), np.array([1.0, -1.0, -1.0])) == pytest.approx(2 / 3)
    assert datasets.accuracy(np.eye(3), np.array([0, 1, 1])) == pytest.approx(2 / 3)

"""The scikit-learn side of ForestFitBenchmark: one RandomForestRegressor(n_estimators=100) fit on the time split.

Fits scikit-learn's default forest (100 trees, all features per split, leaves of one row, n_jobs=None: one thread) on
the 12 UCI features of the hours before 2012-09-01, times the fit alone (not the CSV parse, not the prediction), and
prints one line the Java benchmark reads:

    fit_seconds=<s> rmse=<holdout RMSE> train_rows=<n> holdout_rows=<n>

Run: /usr/bin/python3 training-service/src/test/python/forest_fit_reference.py ../shared/data/uci-bike-sharing/hour.csv [seed]
(the system python has scikit-learn 1.2.1; the pyenv python3 on PATH has none).
"""
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestRegressor

from sklearn_reference import load


def main():
    x, y, dates = load(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    test = dates >= "2012-09-01"
    model = RandomForestRegressor(n_estimators=100, random_state=seed)
    started = time.perf_counter()
    model.fit(x[~test], y[~test])
    fit_seconds = time.perf_counter() - started
    rmse = float(np.sqrt(np.mean((model.predict(x[test]) - y[test]) ** 2)))
    print(f"fit_seconds={fit_seconds:.3f} rmse={rmse:.2f} train_rows={int((~test).sum())} "
          f"holdout_rows={int(test.sum())}", flush=True)


if __name__ == "__main__":
    main()

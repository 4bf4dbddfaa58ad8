"""The scikit-learn side of the accuracy bar, for comparison with ForestAccuracyBenchmark / ForestSeedBenchmark.

RandomForestRegressor with default settings (100 trees, all features per split, leaves of one row) on the same 12 UCI
features, on the time split (holdout from 2012-09-01), on train_test_split's random 80/20 split (random_state 42) and on an
interleaved 80/20 split (every fifth row held out, which the Java benchmarks reproduce exactly), for several seeds: one seed's RMSE
is one draw from a spread of about +-1.

Run: python3 training-service/src/test/python/sklearn_reference.py ../shared/data/uci-bike-sharing/hour.csv
(needs numpy and scikit-learn).
"""
import csv
import sys

import numpy as np
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

FEATURES = ["season", "yr", "mnth", "hr", "holiday", "weekday", "workingday", "weathersit", "temp", "atemp", "hum",
            "windspeed"]


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in FEATURES] for r in rows])
    y = np.array([float(r["cnt"]) for r in rows])
    dates = np.array([r["dteday"] for r in rows])
    return x, y, dates


def score(x_train, y_train, x_test, y_test, seed):
    model = RandomForestRegressor(n_estimators=100, random_state=seed, n_jobs=1).fit(x_train, y_train)
    predicted = model.predict(x_test)
    return float(np.sqrt(mean_squared_error(y_test, predicted))), float(r2_score(y_test, predicted))


def main():
    x, y, dates = load(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/uci-bike-sharing/hour.csv")
    test = dates >= "2012-09-01"
    seeds = [0, 1, 2, 3, 42]
    print("| split | seed | RMSE | R² |")
    print("|---|---|---|---|")
    # Every fifth hour held out: a split both this script and the Java benchmarks reproduce row for row.
    interleaved = np.arange(len(y)) % 5 == 4
    for name in ["time", "random", "interleaved"]:
        rmses = []
        for seed in seeds:
            if name == "time":
                rmse, r2 = score(x[~test], y[~test], x[test], y[test], seed)
            elif name == "interleaved":
                rmse, r2 = score(x[~interleaved], y[~interleaved], x[interleaved], y[interleaved], seed)
            else:
                x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=42)
                rmse, r2 = score(x_train, y_train, x_test, y_test, seed)
            rmses.append(rmse)
            print(f"| {name} | {seed} | {rmse:.1f} | {r2:.3f} |", flush=True)
        print(f"| {name} | mean | {np.mean(rmses):.1f} | |", flush=True)


if __name__ == "__main__":
    main()

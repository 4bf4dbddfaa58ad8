"""The scikit-learn side of ForecastCandidatesBenchmark: the same split (train before 2012-09-01, score September to
December 2012), the same horizons (1, 3, 6, 24 h) and the same history features as io.bikecast.common.features
.HistoryFeature, for HistGradientBoostingRegressor (500 iterations, learning rate 0.05, log1p target; missing hours
left missing) and RandomForestRegressor (100 trees; missing hours as -1).

Run: python3 training-service/src/test/python/forecast_reference.py ../shared/data/uci-bike-sharing/hour.csv
(needs numpy, pandas and scikit-learn; on Debian: apt-get install python3-sklearn python3-pandas).
"""
import math
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor

UCI = ["season", "yr", "mnth", "hr", "holiday", "weekday", "workingday", "weathersit", "temp", "atemp", "hum",
       "windspeed"]
HORIZONS = [1, 3, 6, 24]


def load(path):
    d = pd.read_csv(path)
    d["hour"] = pd.to_datetime(d.dteday) + pd.to_timedelta(d.hr, unit="h")
    d = d.set_index("hour")
    every_hour = pd.date_range(d.index.min(), d.index.max(), freq="h")
    demand = d.cnt.reindex(every_hour).astype(float)  # gaps in the data stay missing
    return d, demand


def features(d, demand, lead):
    x = d[UCI].astype(float).copy()
    if lead == 0:
        return x

    def lag(hours):
        return demand.shift(hours).reindex(d.index)

    def mean(step, first, count):
        return pd.concat([demand.shift(step * k) for k in range(first, first + count)], axis=1).mean(axis=1) \
            .reindex(d.index)

    x["lag_lead"] = lag(lead)
    x["lag_lead_1"] = lag(lead + 1)
    x["lag_lead_2"] = lag(lead + 2)
    x["lag_day"] = lag(max(lead, 24))
    x["lag_week"] = lag(max(lead, 168))
    x["same_hour_7_days"] = mean(24, math.ceil(lead / 24), 7)
    x["same_hour_4_weeks"] = mean(168, math.ceil(lead / 168), 4)
    return x


def scores(y, p):
    rmse = float(np.sqrt(np.mean((p - y) ** 2)))
    mae = float(np.mean(np.abs(p - y)))
    r2 = 1 - float(np.sum((p - y) ** 2) / np.sum((y - y.mean()) ** 2))
    return rmse, mae, r2


def main(path):
    d, demand = load(path)
    train = d.index < "2012-09-01"
    test = (d.index >= "2012-09-01") & (d.index < "2013-01-01")
    y = d.cnt.astype(float)
    print(f"Trained on {train.sum()} hours before 2012-09-01, scored on {test.sum()} hours to 2013-01-01")
    print("| model | horizon | RMSE | MAE | R² |")
    print("|---|---|---|---|---|")
    for lead in [0] + HORIZONS:
        x = features(d, demand, lead)
        hgb = HistGradientBoostingRegressor(max_iter=500, learning_rate=0.05, random_state=0)
        hgb.fit(x[train], np.log1p(y[train]))
        rmse, mae, r2 = scores(y[test], np.expm1(hgb.predict(x[test])))
        label = "any (no history)" if lead == 0 else f"{lead} h"
        print(f"| HistGradientBoosting, log1p | {label} | {rmse:.1f} | {mae:.1f} | {r2:.3f} |")
        forest = RandomForestRegressor(n_estimators=100, random_state=0, n_jobs=-1)
        forest.fit(x[train].fillna(-1), y[train])
        rmse, mae, r2 = scores(y[test], forest.predict(x[test].fillna(-1)))
        print(f"| RandomForest(100) | {label} | {rmse:.1f} | {mae:.1f} | {r2:.3f} |")
    print("Rerun: python3 training-service/src/test/python/forecast_reference.py " + path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/uci-bike-sharing/hour.csv")

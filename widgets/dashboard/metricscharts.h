// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/prometheusapi.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QUrl>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;

namespace OpsDeck {

// The key metrics of an environment from its team's Prometheus (the workspace's `prometheus:`),
// one small chart each over a chosen time range: request and error rate, p95 latency, CPU and
// memory. Queries are asynchronous; answers for a range or environment no longer shown are
// dropped. An environment without a Prometheus shows how to add one.
class MetricsCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsCharts)

public:
    explicit MetricsCharts(QWidget *parent = nullptr);
    ~MetricsCharts() override;

    // Each environment's Prometheus by environment name (environments without one left out).
    void setServers(const QHash<QString, QUrl> &servers);
    // The environment shown; "" (all environments) shows the only one with a Prometheus.
    void setEnvironment(const QString &environment);
    // The Prometheus asked; empty when the environment has none.
    QUrl serverUrl() const { return m_serverUrl; }
    // 15, 60, 360 or 1440.
    void setRangeMinutes(int minutes);
    int rangeMinutes() const;
    // Asks again for every metric now (when hidden: once shown).
    void refresh();

    // Answers still awaited for the current range and environment.
    int pendingQueries() const { return m_pending; }
    // The current round's range and step.
    QDateTime rangeStart() const { return m_start; }
    QDateTime rangeEnd() const { return m_end; }
    qint64 stepSeconds() const { return m_step; }

    QStringList metricIds() const;
    QChart *chart(const QString &id) const;
    QChartView *chartView(const QString &id) const;
    MetricSeriesModel *model(const QString &id) const;
    // "No data", the server's error, or the latest value (the number of series when several).
    QString chartStatus(const QString &id) const;
    QString statusText() const;
    QString hintText() const;
    QComboBox *rangeBox() const { return m_range; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *resetZoomButton() const { return m_resetZoom; }

Q_SIGNALS:
    // Every answer of the current round has arrived.
    void updated();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Metric {
        KeyMetricQuery query;
        MetricSeriesModel *model = nullptr;
        QChart *chart = nullptr;
        QChartView *view = nullptr;
        QLabel *status = nullptr;
    };

    void chooseServer();
    void query();
    void answer(Metric &metric, const PrometheusQueryResult &result);
    void fillChart(Metric &metric);
    void setChartStatus(Metric &metric, const QString &text, bool error);
    void updateStatusLine();
    Metric *find(const QString &id);
    const Metric *find(const QString &id) const;

    QNetworkAccessManager *m_network;
    PrometheusClient *m_client = nullptr;
    QHash<QString, QUrl> m_servers;
    QString m_environment;
    QUrl m_serverUrl;
    QList<Metric> m_metrics;
    QComboBox *m_range;
    QPushButton *m_resetZoom;
    QPushButton *m_refresh;
    QLabel *m_status;
    QLabel *m_hint;
    QStackedWidget *m_stack;
    QWidget *m_chartsPane;
    // Each round of queries has its number: an answer from an earlier round is dropped.
    int m_round = 0;
    int m_pending = 0;
    int m_failed = 0;
    QString m_firstError;
    bool m_stale = true; // asked for while hidden: query once shown
    QDateTime m_start;
    QDateTime m_end;
    qint64 m_step = 0;
};

} // namespace OpsDeck

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptfixture.h"

#include <QString>
#include <QUrl>

// A real, throwaway Prometheus (scraping itself and a node exporter every second), node
// exporter and Alertmanager on loopback, started by tests/scripts/prometheus-fixture.sh.
// Values are the script's KEY=VALUE lines (PROMETHEUS_URL, NODE_EXPORTER_URL, ALERTMANAGER_URL,
// and their ports).
class PrometheusFixture : public ScriptFixture
{
public:
    PrometheusFixture()
        : ScriptFixture(QStringLiteral(OPSDECK_SOURCE_DIR "/tests/scripts/prometheus-fixture.sh"),
                        QStringLiteral("/tmp/opsdeck-prom-XXXXXX"), 120000)
    {
    }

    QUrl prometheusUrl() const { return QUrl(value(QStringLiteral("PROMETHEUS_URL"))); }
    QUrl alertmanagerUrl() const { return QUrl(value(QStringLiteral("ALERTMANAGER_URL"))); }
};

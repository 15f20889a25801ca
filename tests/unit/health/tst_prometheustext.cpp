// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/prometheustext.h"
#include "testfiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString samplesDirectory = QStringLiteral(OPSDECK_TEST_DATA_DIR "/health/prometheus/");

// "name=value,name=value" in the order of the line, for compact expectations.
QString describeLabels(const QList<MetricLabel> &labels)
{
    QStringList parts;
    for (const MetricLabel &label : labels)
        parts.append(label.name + u'=' + label.value);
    return parts.join(u',');
}

const MetricSample *findSample(const MetricFamily &family, const QString &name,
                               const QString &labels)
{
    for (const MetricSample &sample : family.samples) {
        if (sample.name == name && describeLabels(sample.labels) == labels)
            return &sample;
    }
    return nullptr;
}

QString describeDiagnostics(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(
            u"%1:%2: %3"_s.arg(diagnostic.line).arg(diagnostic.column).arg(diagnostic.message));
    return lines.join(u'\n');
}

// Every sample of these files is on a line of its own and every family has a TYPE line: the
// counts the parser must reach, found without it.
struct LineCounts {
    int families = 0;
    int samples = 0;
};

LineCounts countLines(const QByteArray &text)
{
    LineCounts counts;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("# TYPE "))
            ++counts.families;
        else if (!line.isEmpty() && !line.startsWith('#'))
            ++counts.samples;
    }
    return counts;
}

} // namespace

class TestPrometheusText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realSamples_data();
    void realSamples();
    void edgeCases_data();
    void edgeCases();
    void errors_data();
    void errors();
    void keepsWhatParsedBeforeAnError();
    void openMetricsExemplarsUnitsAndTimestamps();
    void contentTypeChoosesTheFormat();
    void json();
};

void TestPrometheusText::realSamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("openMetrics");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("familySamples");
    QTest::addColumn<QString>("sampleName");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("timestampMs"); // -1: none

    // node_exporter 1.5.0 (Debian 12), its own /metrics.
    QTest::newRow("node_exporter summary count")
        << u"node-exporter-1.5.prom"_s << false << u"go_gc_duration_seconds"_s << u"summary"_s << 7
        << u"go_gc_duration_seconds_count"_s << QString() << u"1"_s << qint64(-1);
    QTest::newRow("node_exporter summary quantile")
        << u"node-exporter-1.5.prom"_s << false << u"go_gc_duration_seconds"_s << u"summary"_s << 7
        << u"go_gc_duration_seconds"_s << u"quantile=0.5"_s << u"1.5053e-05"_s << qint64(-1);
    QTest::newRow("node_exporter gauge")
        << u"node-exporter-1.5.prom"_s << false << u"node_load1"_s << u"gauge"_s << 1
        << u"node_load1"_s << QString() << u"0.49"_s << qint64(-1);
    QTest::newRow("node_exporter labels with spaces")
        << u"node-exporter-1.5.prom"_s << false << u"node_os_info"_s << u"gauge"_s << 1
        << u"node_os_info"_s
        << u"build_id=,id=debian,id_like=,image_id=,image_version=,name=Debian GNU/Linux,"
           "pretty_name=Debian GNU/Linux 12 (bookworm),variant=,variant_id=,version=12 "
           "(bookworm),version_codename=bookworm,version_id=12"_s
        << u"1"_s << qint64(-1);
    // Prometheus 2.42.0 (Debian 12), its own /metrics.
    QTest::newRow("prometheus histogram +Inf bucket")
        << u"prometheus-2.42.prom"_s << false << u"prometheus_tsdb_compaction_chunk_range_seconds"_s
        << u"histogram"_s << 13 << u"prometheus_tsdb_compaction_chunk_range_seconds_bucket"_s
        << u"le=+Inf"_s << u"0"_s << qint64(-1);
    QTest::newRow("prometheus NaN quantile")
        << u"prometheus-2.42.prom"_s << false << u"prometheus_engine_query_duration_seconds"_s
        << u"summary"_s << 20 << u"prometheus_engine_query_duration_seconds"_s
        << u"slice=inner_eval,quantile=0.5"_s << u"NaN"_s << qint64(-1);
    // Prometheus 2.42's /federate: untyped series with millisecond timestamps.
    QTest::newRow("federate timestamp")
        << u"prometheus-2.42-federate.prom"_s << false << u"up"_s << u"untyped"_s << 1 << u"up"_s
        << u"instance=127.0.0.1:19100,job=node"_s << u"1"_s << qint64(1796549301122);
    QTest::newRow("federate cpu") << u"prometheus-2.42-federate.prom"_s << false
                                  << u"node_cpu_seconds_total"_s << u"untyped"_s << 16
                                  << u"node_cpu_seconds_total"_s
                                  << u"cpu=0,instance=127.0.0.1:19100,job=node,mode=idle"_s
                                  << u"7811"_s << qint64(1796549301122);
    // The Python client 0.16 (Debian 12): the same registry in both formats.
    QTest::newRow("python text escapes")
        << u"python-client.prom"_s << false << u"queue_depth_jobs"_s << u"gauge"_s << 2
        << u"queue_depth_jobs"_s << u"queue=path \"quoted\" \\ and\nnewline"_s << u"-0.0035"_s
        << qint64(-1);
    QTest::newRow("python text counter")
        << u"python-client.prom"_s << false << u"http_requests_total"_s << u"counter"_s << 2
        << u"http_requests_total"_s << u"code=500,method=POST"_s << u"3"_s << qint64(-1);
    QTest::newRow("python openmetrics counter")
        << u"python-client.om"_s << true << u"http_requests"_s << u"counter"_s << 4
        << u"http_requests_total"_s << u"code=500,method=POST"_s << u"3"_s << qint64(-1);
    QTest::newRow("python openmetrics created")
        << u"python-client.om"_s << true << u"request_latency_seconds"_s << u"histogram"_s << 8
        << u"request_latency_seconds_created"_s << u"handler=/api"_s << u"1796549373.1505961"_s
        << qint64(-1);
    QTest::newRow("python openmetrics info")
        << u"python-client.om"_s << true << u"build"_s << u"info"_s << 1 << u"build_info"_s
        << u"revision=deadbeef,version=1.4.2"_s << u"1"_s << qint64(-1);
    QTest::newRow("python openmetrics stateset")
        << u"python-client.om"_s << true << u"service_state"_s << u"stateset"_s << 3
        << u"service_state"_s << u"service_state=running"_s << u"1"_s << qint64(-1);
    // Written by the OpenMetrics 1.0 specification's rules.
    QTest::newRow("openmetrics gaugehistogram")
        << u"openmetrics-spec.om"_s << true << u"queue_wait_seconds"_s << u"gaugehistogram"_s << 5
        << u"queue_wait_seconds_gsum"_s << u"queue=mail"_s << u"163.5"_s << qint64(-1);
    QTest::newRow("openmetrics seconds timestamp")
        << u"openmetrics-spec.om"_s << true << u"disk_free_bytes"_s << u"gauge"_s << 2
        << u"disk_free_bytes"_s << u"mount=/var"_s << u"3.5e+09"_s << qint64(1700000000250);
    QTest::newRow("openmetrics -Inf")
        << u"openmetrics-spec.om"_s << true << u"legacy_value"_s << u"unknown"_s << 3
        << u"legacy_value"_s << u"edge=low"_s << u"-Inf"_s << qint64(-1);
    QTest::newRow("openmetrics summary created")
        << u"openmetrics-spec.om"_s << true << u"rpc_duration_seconds"_s << u"summary"_s << 5
        << u"rpc_duration_seconds_created"_s << QString() << u"1699000000.125"_s << qint64(-1);
}

void TestPrometheusText::realSamples()
{
    QFETCH(QString, file);
    QFETCH(bool, openMetrics);
    QFETCH(QString, family);
    QFETCH(QString, type);
    QFETCH(int, familySamples);
    QFETCH(QString, sampleName);
    QFETCH(QString, labels);
    QFETCH(QString, value);
    QFETCH(qint64, timestampMs);

    const QByteArray text = readFile(samplesDirectory + file);
    QVERIFY(!text.isEmpty());
    const ExpositionParseResult result = parseExposition(text, file);
    QVERIFY2(result.ok(), qPrintable(describeDiagnostics(result.diagnostics)));
    QCOMPARE(result.format,
             openMetrics ? ExpositionFormat::OpenMetrics : ExpositionFormat::PrometheusText);
    const LineCounts counts = countLines(text);
    QCOMPARE(result.families.size(), counts.families);
    QCOMPARE(result.sampleCount(), counts.samples);
    for (const MetricFamily &each : result.families)
        QVERIFY(!each.name.isEmpty());

    const MetricFamily *found = result.family(family);
    QVERIFY2(found, qPrintable(family));
    QCOMPARE(metricTypeId(found->type), type);
    QCOMPARE(found->samples.size(), familySamples);
    const MetricSample *sample = findSample(*found, sampleName, labels);
    QVERIFY2(sample, qPrintable(sampleName + u'{' + labels + u'}'));
    QCOMPARE(formatMetricValue(sample->value), value);
    QCOMPARE(sample->timestampMs.value_or(-1), timestampMs);
}

void TestPrometheusText::edgeCases_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("families");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("help");
    QTest::addColumn<QString>("labels"); // of the family's last sample
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("timestampMs");

    QTest::newRow("empty file") << QByteArray() << 0 << QString() << QString() << QString()
                                << QString() << QString() << qint64(-1);
    QTest::newRow("only line ends and blanks") << "\r\n\n \t\n"_ba << 0 << QString() << QString()
                                               << QString() << QString() << QString() << qint64(-1);
    QTest::newRow("only blank lines and comments")
        << "\n\n# a comment\n   \n#\n"_ba << 0 << QString() << QString() << QString() << QString()
        << QString() << qint64(-1);
    QTest::newRow("missing TYPE is untyped")
        << "# HELP jobs Jobs done.\njobs 3\n"_ba << 1 << u"jobs"_s << u"untyped"_s
        << u"Jobs done."_s << QString() << u"3"_s << qint64(-1);
    QTest::newRow("no metadata at all") << "a 1\nb{x=\"y\"} 2\n"_ba << 2 << u"b"_s << u"untyped"_s
                                        << QString() << u"x=y"_s << u"2"_s << qint64(-1);
    QTest::newRow("label escapes")
        << "m{path=\"C:\\\\tmp\\\\\",q=\"say \\\"hi\\\"\\n\"} 1\n"_ba << 1 << u"m"_s << u"untyped"_s
        << QString() << u"path=C:\\tmp\\,q=say \"hi\"\n"_s << u"1"_s << qint64(-1);
    QTest::newRow("help escapes")
        << "# HELP m Line one\\nback\\\\slash \"as is\"\n# TYPE m gauge\nm 1\n"_ba << 1 << u"m"_s
        << u"gauge"_s << u"Line one\nback\\slash \"as is\""_s << QString() << u"1"_s << qint64(-1);
    QTest::newRow("+Inf bucket") << "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+"
                                    "Inf\"} 5\nh_sum 3.5\nh_count 5\n"_ba
                                 << 1 << u"h"_s << u"histogram"_s << QString() << QString()
                                 << u"5"_s << qint64(-1);
    QTest::newRow("NaN +Inf -Inf values")
        << "g NaN\ng +Inf\ng -Inf\n"_ba << 1 << u"g"_s << u"untyped"_s << QString() << QString()
        << u"-Inf"_s << qint64(-1);
    QTest::newRow("Go's other spellings")
        << "g inf\ng +infinity\ng nan\n"_ba << 1 << u"g"_s << u"untyped"_s << QString() << QString()
        << u"NaN"_s << qint64(-1);
    QTest::newRow("exponent") << "g 1.5E+3\n"_ba << 1 << u"g"_s << u"untyped"_s << QString()
                              << QString() << u"1500"_s << qint64(-1);
    QTest::newRow("negative exponent") << "g -2.5e-3\n"_ba << 1 << u"g"_s << u"untyped"_s
                                       << QString() << QString() << u"-0.0025"_s << qint64(-1);
    QTest::newRow("millisecond timestamp")
        << "g{a=\"b\"} 7 1700000000123\n"_ba << 1 << u"g"_s << u"untyped"_s << QString() << u"a=b"_s
        << u"7"_s << qint64(1700000000123);
    QTest::newRow("negative timestamp") << "g 7 -1000\n"_ba << 1 << u"g"_s << u"untyped"_s
                                        << QString() << QString() << u"7"_s << qint64(-1000);
    QTest::newRow("CRLF line ends")
        << "# HELP c Requests.\r\n# TYPE c counter\r\nc{m=\"GET\"} 4\r\n"_ba << 1 << u"c"_s
        << u"counter"_s << u"Requests."_s << u"m=GET"_s << u"4"_s << qint64(-1);
    QTest::newRow("blanks, tabs and a trailing comma")
        << "  g \t{ a = \"1\" , b=\"2\", }\t 8   \n"_ba << 1 << u"g"_s << u"untyped"_s << QString()
        << u"a=1,b=2"_s << u"8"_s << qint64(-1);
    QTest::newRow("empty braces") << "g{} 1\n"_ba << 1 << u"g"_s << u"untyped"_s << QString()
                                  << QString() << u"1"_s << qint64(-1);
    QTest::newRow("colon in the name")
        << "job:requests:rate5m 0.25\n"_ba << 1 << u"job:requests:rate5m"_s << u"untyped"_s
        << QString() << QString() << u"0.25"_s << qint64(-1);
    QTest::newRow("UTF-8 label value") << "g{city=\"Köln\"} 1\n"_ba << 1 << u"g"_s << u"untyped"_s
                                       << QString() << u"city=Köln"_s << u"1"_s << qint64(-1);
    QTest::newRow("no newline at the end") << "g 1\ng 2"_ba << 1 << u"g"_s << u"untyped"_s
                                           << QString() << QString() << u"2"_s << qint64(-1);
    QTest::newRow("metadata without samples")
        << "# HELP quiet Never set.\n# TYPE quiet gauge\n"_ba << 1 << u"quiet"_s << u"gauge"_s
        << u"Never set."_s << QString() << QString() << qint64(-1);
    QTest::newRow("interleaved series join their family")
        << "# TYPE s summary\ns_sum 1\nother 2\ns_count 3\n"_ba << 2 << u"s"_s << u"summary"_s
        << QString() << QString() << u"3"_s << qint64(-1);
    QTest::newRow("bucket without histogram TYPE is a family of its own")
        << "h_bucket{le=\"1\"} 1\nh_sum 1\n"_ba << 2 << u"h_sum"_s << u"untyped"_s << QString()
        << QString() << u"1"_s << qint64(-1);
    QTest::newRow("OpenMetrics seconds timestamp")
        << "# TYPE g gauge\ng 1 1700000000.5\n# EOF\n"_ba << 1 << u"g"_s << u"gauge"_s << QString()
        << QString() << u"1"_s << qint64(1700000000500);
    QTest::newRow("OpenMetrics missing TYPE is unknown")
        << "g 1\n# EOF"_ba << 1 << u"g"_s << u"unknown"_s << QString() << QString() << u"1"_s
        << qint64(-1);
}

void TestPrometheusText::edgeCases()
{
    QFETCH(QByteArray, text);
    QFETCH(int, families);
    QFETCH(QString, family);
    QFETCH(QString, type);
    QFETCH(QString, help);
    QFETCH(QString, labels);
    QFETCH(QString, value);
    QFETCH(qint64, timestampMs);

    const ExpositionParseResult result = parseExposition(text, u"edge.prom"_s);
    QVERIFY2(result.ok(), qPrintable(describeDiagnostics(result.diagnostics)));
    QCOMPARE(result.families.size(), families);
    if (family.isEmpty())
        return;
    const MetricFamily *found = result.family(family);
    QVERIFY2(found, qPrintable(family));
    QCOMPARE(metricTypeId(found->type), type);
    QCOMPARE(found->help, help);
    if (value.isEmpty()) {
        QVERIFY(found->samples.isEmpty());
        return;
    }
    QVERIFY(!found->samples.isEmpty());
    const MetricSample &last = found->samples.last();
    QCOMPARE(describeLabels(last.labels), labels);
    QCOMPARE(formatMetricValue(last.value), value);
    QCOMPARE(last.timestampMs.value_or(-1), timestampMs);
}

void TestPrometheusText::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message"); // a part of it

    QTest::newRow("value not a number")
        << "# TYPE g gauge\ng{a=\"b\"} 12x\n"_ba << 2 << 10 << u"'12x' is not a number"_s;
    QTest::newRow("no value") << "g{a=\"b\"}\n"_ba << 1 << 9 << u"expected a value after 'g'"_s;
    QTest::newRow("unclosed label value")
        << "g{a=\"b} 1\n"_ba << 1 << 5 << u"has no closing '\"'"_s;
    QTest::newRow("unknown escape")
        << "g{a=\"x\\ty\"} 1\n"_ba << 1 << 7 << u"unknown escape sequence '\\t'"_s;
    QTest::newRow("missing equals")
        << "g{a \"b\"} 1\n"_ba << 1 << 5 << u"expected '=' after the label name 'a'"_s;
    QTest::newRow("label name digit")
        << "g{1a=\"b\"} 1\n"_ba << 1 << 3 << u"expected a label name or '}'"_s;
    QTest::newRow("missing comma")
        << "g{a=\"b\" c=\"d\"} 1\n"_ba << 1 << 9 << u"expected ',' or '}'"_s;
    QTest::newRow("duplicate label")
        << "g{a=\"b\",a=\"c\"} 1\n"_ba << 1 << 9 << u"label 'a' appears twice"_s;
    QTest::newRow("bad timestamp") << "g 1 12.5\n"_ba << 1 << 5 << u"'12.5' is not a timestamp"_s;
    QTest::newRow("text after timestamp")
        << "g 1 1000 extra\n"_ba << 1 << 10 << u"expected the end of the line"_s;
    QTest::newRow("name starts with a digit")
        << "9g 1\n"_ba << 1 << 1 << u"expected a metric name or '#'"_s;
    QTest::newRow("unknown type") << "# TYPE g gauges\n"_ba << 1 << 10
                                  << u"expected a metric type"_s;
    QTest::newRow("duplicate HELP") << "# HELP g One.\n# TYPE g gauge\n# HELP g Two.\ng 1\n"_ba << 3
                                    << 8 << u"second HELP line for 'g'; the first is on line 1"_s;
    QTest::newRow("duplicate TYPE")
        << "# TYPE g gauge\n# TYPE g counter\n"_ba << 2 << 8 << u"second TYPE line for 'g'"_s;
    QTest::newRow("TYPE after samples")
        << "g 1\n# TYPE g gauge\n"_ba << 2 << 8 << u"comes after its samples"_s;
    QTest::newRow("bucket without le")
        << "# TYPE h histogram\nh_bucket 1\n"_ba << 2 << 1 << u"no label 'le'"_s;
    QTest::newRow("histogram family name used as a sample")
        << "# TYPE h histogram\nh 1\n"_ba << 2 << 1 << u"'h' is a histogram"_s;
    // Columns count characters: "Köln" is five bytes, four characters.
    QTest::newRow("column after UTF-8")
        << "g{city=\"Köln\"} x\n"_ba << 1 << 16 << u"'x' is not a number"_s;
    QTest::newRow("CRLF does not shift columns")
        << "g 1\r\ng{a=\"b\"} oops\r\n"_ba << 2 << 10 << u"'oops' is not a number"_s;
    QTest::newRow("OpenMetrics text after EOF")
        << "# TYPE g gauge\ng 1\n# EOF\ng 2\n# EOF\n"_ba << 4 << 1 << u"text after '# EOF'"_s;
    QTest::newRow("OpenMetrics comment")
        << "# just a comment\ng 1\n# EOF\n"_ba << 1 << 3 << u"OpenMetrics has no other comments"_s;
    QTest::newRow("OpenMetrics untyped is 0.0.4's word")
        << "# TYPE g untyped\n# EOF\n"_ba << 1 << 10 << u"stateset or unknown"_s;
    QTest::newRow("OpenMetrics bad exemplar") << "# TYPE c counter\nc_total 1 # trace\n# EOF\n"_ba
                                              << 2 << 11 << u"expected an exemplar"_s;
    QTest::newRow("exemplar in 0.0.4") << "c_total 1 # {a=\"b\"} 1\n"_ba << 1 << 11
                                       << u"expected a timestamp or the end of the line"_s;
}

void TestPrometheusText::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const ExpositionParseResult result = parseExposition(text, u"broken.prom"_s);
    QVERIFY(!result.ok());
    const Diagnostic &first = result.diagnostics.first();
    QVERIFY2(first.message.contains(message), qPrintable(first.message));
    QCOMPARE(first.file, u"broken.prom"_s);
    QCOMPARE(first.line, line);
    QCOMPARE(first.column, column);
    QVERIFY(first.toString().startsWith(u"broken.prom:%1:%2: "_s.arg(line).arg(column)));
}

void TestPrometheusText::keepsWhatParsedBeforeAnError()
{
    // A real scrape cut into by a broken line: everything but that line is kept, and the
    // OpenMetrics check for '# EOF' reports a missing end on the line after the last.
    QByteArray text = readFile(samplesDirectory + u"node-exporter-1.5.prom"_s);
    const LineCounts counts = countLines(text);
    const qsizetype middle = text.indexOf("\n# HELP node_load1 ");
    QVERIFY(middle > 0);
    text.insert(middle + 1, "node_broken{ 1\n");
    const int brokenLine = int(text.left(middle + 1).count('\n')) + 1;
    const ExpositionParseResult result = parseExposition(text, u"node.prom"_s);
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().line, brokenLine);
    QCOMPARE(result.diagnostics.first().column, 14);
    QCOMPARE(result.sampleCount(), counts.samples);
    QVERIFY(result.family(u"node_load1"_s));

    const ExpositionParseResult unfinished =
        parseExposition("# TYPE g gauge\ng 1\n", u"g.om"_s, ExpositionFormat::OpenMetrics);
    QCOMPARE(unfinished.sampleCount(), 1);
    QCOMPARE(unfinished.diagnostics.size(), 1);
    QCOMPARE(unfinished.diagnostics.first().line, 3);
    QVERIFY(unfinished.diagnostics.first().message.contains(u"# EOF"_s));

    // Many bad lines: reading stops after a hundred errors instead of flooding the output.
    const ExpositionParseResult flood = parseExposition(QByteArray("g{\n").repeated(1000));
    QCOMPARE(flood.diagnostics.size(), 101);
}

void TestPrometheusText::openMetricsExemplarsUnitsAndTimestamps()
{
    const ExpositionParseResult result =
        parseExposition(readFile(samplesDirectory + u"openmetrics-spec.om"_s));
    QVERIFY2(result.ok(), qPrintable(describeDiagnostics(result.diagnostics)));
    const MetricFamily *backups = result.family(u"backups"_s);
    QVERIFY(backups);
    QCOMPARE(backups->samples.size(), 2);
    const MetricSample &total = backups->samples.first();
    QCOMPARE(total.name, u"backups_total"_s);
    QCOMPARE(total.timestampMs, std::optional<qint64>(1700000000500));
    QVERIFY(total.exemplar);
    QCOMPARE(describeLabels(total.exemplar->labels), u"run=nightly"_s);
    QCOMPARE(total.exemplar->value, 1.0);
    QCOMPARE(total.exemplar->timestampMs, std::optional<qint64>(1699999000000));

    const MetricFamily *wait = result.family(u"queue_wait_seconds"_s);
    QVERIFY(wait);
    QCOMPARE(wait->unit, u"seconds"_s);
    QCOMPARE(wait->help, u"How long the jobs now in the queue have waited."_s);
    const MetricSample &bucket = wait->samples.at(1);
    QVERIFY(bucket.exemplar);
    QCOMPARE(bucket.exemplar->value, 8.25);
    QVERIFY(!bucket.exemplar->timestampMs);

    const ExpositionParseResult python =
        parseExposition(readFile(samplesDirectory + u"python-client.om"_s));
    const MetricFamily *depth = python.family(u"queue_depth_jobs"_s);
    QVERIFY(depth);
    QCOMPARE(depth->unit, u"jobs"_s);
    QCOMPARE(depth->help, u"Jobs waiting, by \"queue\".\nSecond line with a back\\slash."_s);
}

void TestPrometheusText::contentTypeChoosesTheFormat()
{
    QCOMPARE(expositionFormatForContentType(
                 "application/openmetrics-text; version=1.0.0; charset=utf-8"),
             ExpositionFormat::OpenMetrics);
    QCOMPARE(expositionFormatForContentType("text/plain; version=0.0.4; charset=utf-8"),
             ExpositionFormat::Detect);
    // Forced 0.0.4: the "# EOF" line is a comment there, "# UNIT" too.
    const ExpositionParseResult text =
        parseExposition("# UNIT g seconds\ng 1\n# EOF\n", {}, ExpositionFormat::PrometheusText);
    QVERIFY(text.ok());
    QCOMPARE(text.families.first().unit, QString());
}

void TestPrometheusText::json()
{
    const ExpositionParseResult result =
        parseExposition("# HELP h Latency.\n# TYPE h histogram\nh_bucket{le=\"0.1\"} 3\n"
                        "h_bucket{le=\"+Inf\"} 4 1700000000000\nh_sum NaN\nh_count 4\n"_ba);
    QVERIFY(result.ok());
    const QJsonObject json = toJson(result.families);
    const QJsonArray families = json.value(u"families").toArray();
    QCOMPARE(families.size(), 1);
    const QJsonObject family = families.first().toObject();
    QCOMPARE(family.value(u"name").toString(), u"h"_s);
    QCOMPARE(family.value(u"type").toString(), u"histogram"_s);
    QCOMPARE(family.value(u"help").toString(), u"Latency."_s);
    const QJsonArray samples = family.value(u"samples").toArray();
    QCOMPARE(samples.size(), 4);
    const QJsonObject first = samples.at(0).toObject();
    QCOMPARE(first.value(u"name").toString(), u"h_bucket"_s);
    QCOMPARE(first.value(u"labels").toObject().value(u"le").toString(), u"0.1"_s);
    QCOMPARE(first.value(u"value").toDouble(), 3.0);
    QVERIFY(first.value(u"timestamp").isNull());
    QCOMPARE(samples.at(1).toObject().value(u"timestamp").toDouble(), 1700000000000.0);
    QCOMPARE(samples.at(2).toObject().value(u"value").toString(), u"NaN"_s);
    QVERIFY(!first.contains(u"exemplar"));
    const QByteArray written = QJsonDocument(json).toJson(QJsonDocument::Compact);
    QVERIFY2(written.contains("\"timestamp\":1700000000000"), written.constData());
}

QTEST_GUILESS_MAIN(TestPrometheusText)
#include "tst_prometheustext.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/yamltextedit.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace OpsDeck;
using namespace OpsDeck::YamlTextEdit;
using namespace Qt::StringLiterals;

namespace {

const QByteArray sample = R"(# Acme estate -- keep this comment
environments:
  - name: production   # the real one
    hosts:
      # bastion first
      - name: bastion
        address: 203.0.113.10    # public
        port: 22
        tags: [edge, "dmz zone"]

      - name: web-1
        address: 'old-name'
        tags:
          - web
          - frontend
        user:
        # trailing comment of web-1

  - name: staging
    hosts: []
)";

Path hostPath(int environment, int host, const QString &key)
{
    return {u"environments"_s, environment, u"hosts"_s, host, key};
}

} // namespace

class YamlTextEditTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesPlainScalarKeepingComment();
    void replacesQuotedScalar();
    void fillsEmptyValue();
    void replacesFlowList();
    void replacesBlockList();
    void addsMissingKeyAtTheMappingsIndentation();
    void appendsToBlockList();
    void appendsToEmptyFlowList();
    void createsMissingList();
    void appendsToEmptyValueAtEndOfText();
    void keepsCrLfLineEndings();
    void refusesMultiLineValue();
    void refusesMissingPath();
    void refusesUnparsableText();
    void quoteScalarRoundTrips_data();
    void quoteScalarRoundTrips();
};

void YamlTextEditTest::replacesPlainScalarKeepingComment()
{
    const Result result = setValue(sample, hostPath(0, 0, u"address"_s), u"198.51.100.7"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected = sample;
    expected.replace("203.0.113.10    # public", "198.51.100.7    # public");
    QCOMPARE(result.text, expected);
}

void YamlTextEditTest::replacesQuotedScalar()
{
    const Result result =
        setValue(sample, hostPath(0, 1, u"address"_s), quoteScalar(u"new: name"_s));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected = sample;
    expected.replace("address: 'old-name'", "address: \"new: name\"");
    QCOMPARE(result.text, expected);
}

void YamlTextEditTest::fillsEmptyValue()
{
    const Result result = setValue(sample, hostPath(0, 1, u"user"_s), u"deploy"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected = sample;
    expected.replace("        user:\n", "        user: deploy\n");
    QCOMPARE(result.text, expected);
}

void YamlTextEditTest::replacesFlowList()
{
    const Result result =
        setValue(sample, hostPath(0, 0, u"tags"_s), flowList({u"edge"_s, u"a, b"_s}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected = sample;
    expected.replace(R"(tags: [edge, "dmz zone"])", R"(tags: [edge, "a, b"])");
    QCOMPARE(result.text, expected);
}

void YamlTextEditTest::replacesBlockList()
{
    const Result result = setValue(sample, hostPath(0, 1, u"tags"_s), flowList({u"web"_s}));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected = sample;
    expected.replace("        tags:\n          - web\n          - frontend\n",
                     "        tags: [web]\n");
    QCOMPARE(result.text, expected);
}

void YamlTextEditTest::addsMissingKeyAtTheMappingsIndentation()
{
    const Result result = setValue(sample, hostPath(0, 0, u"user"_s), u"ops"_s);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected = sample;
    expected.replace(R"(        tags: [edge, "dmz zone"]
)",
                     R"(        tags: [edge, "dmz zone"]
        user: ops
)");
    QCOMPARE(result.text, expected);
}

void YamlTextEditTest::appendsToBlockList()
{
    const Result result = appendMapping(sample, {u"environments"_s, 0, u"hosts"_s},
                                        {{u"name"_s, u"db-1"_s}, {u"port"_s, u"2222"_s}});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected = sample;
    // Right after web-1's last content line: a comment below a block belongs to what follows.
    expected.replace("        user:\n", "        user:\n      - name: db-1\n        port: 2222\n");
    QCOMPARE(result.text, expected);
}

void YamlTextEditTest::appendsToEmptyFlowList()
{
    const Result result =
        appendMapping(sample, {u"environments"_s, 1, u"hosts"_s}, {{u"name"_s, u"stage-1"_s}});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QByteArray expected = sample;
    expected.replace("    hosts: []\n", "    hosts:\n      - name: stage-1\n");
    QCOMPARE(result.text, expected);
}

void YamlTextEditTest::createsMissingList()
{
    const QByteArray text = "environments:\n  - name: prod # only this\n";
    const Result result =
        appendMapping(text, {u"environments"_s, 0, u"hosts"_s}, {{u"name"_s, u"a"_s}});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(
        result.text,
        QByteArray("environments:\n  - name: prod # only this\n    hosts:\n      - name: a\n"));
}

void YamlTextEditTest::appendsToEmptyValueAtEndOfText()
{
    // Found by the fuzzer: "hosts:" as the last bytes, with no line break after it.
    const QByteArray text = "environments:\n  - name: prod\n    hosts:";
    const Result result =
        appendMapping(text, {u"environments"_s, 0, u"hosts"_s}, {{u"name"_s, u"a"_s}});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.text, QByteArray("environments:\n  - name: prod\n    hosts:\n      - name: a"));
}

void YamlTextEditTest::keepsCrLfLineEndings()
{
    const QByteArray text = "environments:\r\n  - name: prod\r\n    hosts:\r\n      - name: a\r\n";
    const Result result =
        appendMapping(text, {u"environments"_s, 0, u"hosts"_s}, {{u"name"_s, u"b"_s}});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.text, text + "      - name: b\r\n");
    const Result renamed = setValue(result.text, hostPath(0, 0, u"name"_s), u"z"_s);
    QVERIFY2(renamed.ok(), qPrintable(renamed.error));
    QCOMPARE(renamed.text, QByteArray(text + "      - name: b\r\n").replace("name: a", "name: z"));
}

void YamlTextEditTest::refusesMultiLineValue()
{
    const QByteArray text =
        "environments:\n  - name: prod\n    description: |\n      two\n      lines\n";
    const Result result = setValue(text, {u"environments"_s, 0, u"description"_s}, u"one line"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error,
             u"the value at line 3 spans several lines; edit it in the file itself"_s);
}

void YamlTextEditTest::refusesMissingPath()
{
    const Result result = setValue(sample, hostPath(0, 7, u"address"_s), u"x"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, u"the list entry to edit no longer exists"_s);
}

void YamlTextEditTest::refusesUnparsableText()
{
    const Result result = setValue("a: [1,\n", {u"a"_s}, u"x"_s);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(u"the file cannot be parsed at line 2"),
             qPrintable(result.error));
}

void YamlTextEditTest::quoteScalarRoundTrips_data()
{
    QTest::addColumn<QString>("value");
    const QStringList values = {
        u"plain"_s,        u"with space"_s, u"key: value"_s, u"hash #comment"_s, u"-leading dash"_s,
        u"null"_s,         u"~"_s,          u""_s,           u" padded "_s,      u"quote\"inside"_s,
        u"back\\slash"_s,  u"new\nline"_s,  u"tab\there"_s,  u"Grüße 🚀"_s,       u"[not a list]"_s,
        u"{not: a map}"_s, u"*alias"_s,     u"&anchor"_s,    u"'single'"_s,      u"ends:"_s,
        u"a,b"_s,          u"%directive"_s, u"@at"_s,        u"`tick`"_s};
    for (const QString &value : values)
        QTest::addRow("%s", qPrintable(QString(value).replace(u'\n', u"\\n"_s))) << value;
}

void YamlTextEditTest::quoteScalarRoundTrips()
{
    QFETCH(QString, value);
    // Block context and flow context must both read back the exact string.
    const YAML::Node block = YAML::Load(QString(u"key: "_s + quoteScalar(value)).toStdString());
    QCOMPARE(QString::fromStdString(block["key"].as<std::string>()), value);
    const YAML::Node flow =
        YAML::Load(QString(u"key: "_s + flowList({value, u"x"_s})).toStdString());
    QCOMPARE(QString::fromStdString(flow["key"][0].as<std::string>()), value);
    QCOMPARE(flow["key"].size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(YamlTextEditTest)
#include "tst_yamltextedit.moc"

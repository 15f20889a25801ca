// SPDX-License-Identifier: GPL-3.0-or-later
// KeyedTableModel refreshed in place: rows whose key survives keep their place and their
// persistent indexes (a view's selection and scroll position), their values updated; gone rows
// are removed, new ones appended in the order they came. Under QAbstractItemModelTester.
#include "models/core/keyedtablemodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

struct Item {
    QString key;
    int value = 0;
};

using ItemModel = KeyedTableModel<Item>;

std::unique_ptr<ItemModel> newItemModel()
{
    QList<ItemModel::Column> columns{
        {u"Key"_s, [](const Item &item) { return QVariant(item.key); }},
        {u"Value"_s,
         [](const Item &item) { return QVariant(item.value); },
         [](const Item &item) { return QVariant(-item.value); },
         Qt::AlignRight | Qt::AlignVCenter,
         {},
         [](const Item &item) { return item.value >= 100 ? 1 : 0; }},
    };
    return std::make_unique<ItemModel>(columns, [](const Item &item) { return item.key; });
}

// "a=1 b=2" -> rows
QList<Item> itemsFrom(const QString &spec)
{
    QList<Item> items;
    for (const QString &token : spec.split(u' ', Qt::SkipEmptyParts))
        items.append({token.section(u'=', 0, 0), token.section(u'=', 1).toInt()});
    return items;
}

QString drawModel(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.index(row, 0).data().toString() + u'=' +
                    model.index(row, 1).data().toString());
    return rows.join(u' ');
}

} // namespace

class KeyedTableModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refreshInPlace_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected");

        QTest::newRow("from empty") << QString() << u"a=1 b=2"_s << u"a=1 b=2"_s;
        QTest::newRow("same keys, new values")
            << u"a=1 b=2 c=3"_s << u"a=10 b=20 c=30"_s << u"a=10 b=20 c=30"_s;
        QTest::newRow("a row in the middle gone")
            << u"a=1 b=2 c=3"_s << u"a=1 c=4"_s << u"a=1 c=4"_s;
        QTest::newRow("runs gone at both ends")
            << u"a=1 b=2 c=3 d=4 e=5 f=6"_s << u"c=3 d=40"_s << u"c=3 d=40"_s;
        QTest::newRow("every other row gone")
            << u"a=1 b=2 c=3 d=4 e=5"_s << u"b=2 d=4"_s << u"b=2 d=4"_s;
        QTest::newRow("new rows appended")
            << u"a=1 b=2"_s << u"z=9 a=1 y=8 b=2"_s << u"a=1 b=2 z=9 y=8"_s;
        // Survivors keep their order, whatever order the refresh brings them in.
        QTest::newRow("kept, updated, removed and added at once")
            << u"a=1 b=2 c=3 d=4 e=5"_s << u"g=7 e=50 a=1 d=40 f=6"_s << u"a=1 d=40 e=50 g=7 f=6"_s;
        QTest::newRow("all replaced") << u"a=1 b=2"_s << u"c=3 d=4"_s << u"c=3 d=4"_s;
        QTest::newRow("all gone") << u"a=1 b=2 c=3"_s << QString() << QString();
        // A key twice in one refresh (two standbys reporting the same name and client) is one
        // row, the first, and stays one row however often the same refresh comes.
        QTest::newRow("a key twice") << u"a=1"_s << u"a=2 b=3 a=4"_s << u"a=2 b=3"_s;
    }

    void refreshInPlace()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        auto model = newItemModel();
        QAbstractItemModelTester tester(model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setRows(itemsFrom(before));
        QCOMPARE(drawModel(*model), before);

        std::vector<std::pair<QString, QPersistentModelIndex>> persistent;
        for (int row = 0; row < model->rowCount(); ++row)
            persistent.emplace_back(model->rowAt(row).key,
                                    QPersistentModelIndex(model->index(row, 1)));
        QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layout(model.get(), &QAbstractItemModel::layoutChanged);

        const QList<Item> incoming = itemsFrom(after);
        model->setRows(incoming);
        QCOMPARE(drawModel(*model), expected);
        // In place: never a reset or a relayout, which would lose the view's selection.
        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);

        QStringList keys;
        for (const Item &item : incoming)
            keys.append(item.key);
        for (const auto &[key, index] : persistent) {
            if (!keys.contains(key)) {
                QVERIFY2(!index.isValid(), qPrintable(key));
                continue;
            }
            QVERIFY2(index.isValid(), qPrintable(key));
            QCOMPARE(index.column(), 1);
            QCOMPARE(index.data(KeyedTableRole::Key).toString(), key);
            QCOMPARE(model->rowOf(key), index.row());
        }
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->rowOf(model->rowAt(row).key), row);

        // The same refresh again changes nothing.
        model->setRows(incoming);
        QCOMPARE(drawModel(*model), expected);
    }

    void roles()
    {
        auto model = newItemModel();
        QAbstractItemModelTester tester(model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setRows(itemsFrom(u"a=5 b=150"_s));
        QCOMPARE(model->index(1, 1).data(KeyedTableRole::Sort).toInt(), -150);
        QCOMPARE(model->index(1, 1).data(KeyedTableRole::Verdict).toInt(), 1);
        QCOMPARE(model->index(0, 1).data(KeyedTableRole::Verdict).toInt(), 0);
        // Without a sort key or raw text the display value stands in.
        QCOMPARE(model->index(0, 0).data(KeyedTableRole::Sort).toString(), u"a"_s);
        QCOMPARE(model->index(0, 0).data(KeyedTableRole::Raw).toString(), u"a"_s);
        QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), u"Value"_s);
        QCOMPARE(model->columnOf(u"Value"_s), 1);
        QCOMPARE(model->rowOf(u"nope"_s), -1);
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        model->setRows(itemsFrom(u"a=6 b=150"_s));
        QCOMPARE(changed.size(), 1);
        model->clear();
        QCOMPARE(model->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(KeyedTableModelTest)
#include "tst_keyedtablemodel.moc"

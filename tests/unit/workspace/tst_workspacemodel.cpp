// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspaceloader.h"
#include "models/workspace/workspacemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

Workspace loadSample()
{
    const WorkspaceLoadResult result =
        loadWorkspaceFile(QStringLiteral(OPSDECK_TEST_DATA_DIR "/workspace/valid/commented.yaml"));
    if (!result.ok())
        qFatal("sample workspace does not load");
    return result.workspace;
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names.append(model.index(row, 0, parent).data().toString());
    return names;
}

} // namespace

class WorkspaceModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void buildsTheTree();
    void exposesRoles();
    void findsItemsById();
    void updatesConnectionStateInPlace();
    void keepsStatesAcrossReloads();
};

void WorkspaceModelTest::passesModelTester()
{
    WorkspaceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWorkspace(builtInWorkspace());
    model.setWorkspace(loadSample());
    model.setConnectionState(u"web-1"_s, ConnectionState::Ready);
    model.setWorkspace(Workspace{});
}

void WorkspaceModelTest::buildsTheTree()
{
    WorkspaceModel model;
    model.setWorkspace(loadSample());
    QCOMPARE(childNames(model, {}), QStringList{u"production"_s});
    const QModelIndex production = model.index(0, 0);
    QCOMPARE(childNames(model, production), (QStringList{u"bastion"_s, u"web-1"_s, u"db-1"_s}));
    const QModelIndex web = model.index(1, 0, production);
    QCOMPARE(childNames(model, web), (QStringList{u"api"_s, u"app"_s, u"nginx"_s}));
    const QModelIndex db = model.index(2, 0, production);
    QCOMPARE(childNames(model, db),
             (QStringList{u"wiki"_s, u"cache"_s, u"nightly"_s, u"offsite"_s}));
    QCOMPARE(model.parent(model.index(0, 0, db)), db);
    QCOMPARE(model.columnCount(), 1);
}

void WorkspaceModelTest::exposesRoles()
{
    WorkspaceModel model;
    model.setWorkspace(loadSample());
    const QModelIndex db = model.index(2, 0, model.index(0, 0));
    const QModelIndex wiki = model.index(0, 0, db);
    QCOMPARE(wiki.data(WorkspaceModel::KindRole).value<WorkspaceModel::ItemKind>(),
             WorkspaceModel::ItemKind::Database);
    QCOMPARE(wiki.data(WorkspaceModel::IdRole).toString(), u"production/db-1/database:wiki"_s);
    QCOMPARE(wiki.data(WorkspaceModel::HostNameRole).toString(), u"db-1"_s);
    QCOMPARE(wiki.data(Qt::ToolTipRole).toString(), u"PostgreSQL wiki on 127.0.0.1:5432"_s);
    QCOMPARE(wiki.data(WorkspaceModel::SourceLineRole).toInt(), 37);
    QVERIFY(!wiki.data(WorkspaceModel::ConnectionStateRole).isValid());
    QCOMPARE(db.data(WorkspaceModel::ConnectionStateRole).value<ConnectionState>(),
             ConnectionState::Disconnected);
    const QModelIndex bastion = model.index(0, 0, model.index(0, 0));
    QVERIFY(bastion.data(WorkspaceModel::SearchTextRole).toString().contains(u"edge"));
    QVERIFY(bastion.data(Qt::ToolTipRole).toString().startsWith(u"ops@203.0.113.10:22"));

    model.setWorkspace(builtInWorkspace());
    const QModelIndex local = model.index(0, 0, model.index(0, 0));
    QCOMPARE(local.data(WorkspaceModel::ConnectionStateRole).value<ConnectionState>(),
             ConnectionState::Local);
}

void WorkspaceModelTest::findsItemsById()
{
    WorkspaceModel model;
    model.setWorkspace(loadSample());
    const QModelIndex nginx = model.indexForId(u"production/web-1/log:nginx"_s);
    QVERIFY(nginx.isValid());
    QCOMPARE(nginx.data().toString(), u"nginx"_s);
    QVERIFY(!model.indexForId(u"production/web-1/log:missing"_s).isValid());
}

void WorkspaceModelTest::updatesConnectionStateInPlace()
{
    WorkspaceModel model;
    model.setWorkspace(loadSample());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setConnectionState(u"web-1"_s, ConnectionState::Connecting);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    const QModelIndex web = changed.at(0).at(0).toModelIndex();
    QCOMPARE(web.data().toString(), u"web-1"_s);
    QCOMPARE(web.data(WorkspaceModel::ConnectionStateRole).value<ConnectionState>(),
             ConnectionState::Connecting);
    model.setConnectionState(u"web-1"_s, ConnectionState::Connecting); // no change, no signal
    model.setConnectionState(u"unknown-host"_s, ConnectionState::Ready);
    QCOMPARE(changed.size(), 1);
}

void WorkspaceModelTest::keepsStatesAcrossReloads()
{
    WorkspaceModel model;
    model.setWorkspace(loadSample());
    model.setConnectionState(u"web-1"_s, ConnectionState::Ready);
    model.setWorkspace(loadSample()); // the file was saved again
    QCOMPARE(model.connectionState(u"web-1"_s), ConnectionState::Ready);
}

QTEST_GUILESS_MAIN(WorkspaceModelTest)
#include "tst_workspacemodel.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The Containers page over sources built from captured docker, podman and kubectl output for two
// hosts in mixed states (ready, stale, never answered, not installed): the source tree, sorting,
// the filters, grouping, the selection across refreshes, the action menus per runtime, copying,
// and end to end with the fake kubectl on this computer: an inspect and a rollout restart that
// read-only mode refuses and a confirmed one that runs. Screenshots in both palettes.
#include "commandtesting.h"
#include "containersources.h"
#include "models/containers/containerdetails.h"
#include "models/containers/containerfilter.h"
#include "models/containers/containergroupmodel.h"
#include "models/containers/containerlistmodel.h"
#include "models/containers/containersourcesmodel.h"
#include "models/remote/localexecutor.h"
#include "screenshots.h"
#include "widgets/common/appearance.h"
#include "widgets/containers/containerspage.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString WebHost = u"web-1"_s;
const QString AdminHost = u"k8s-admin"_s;

void fill(ContainerListModel &list)
{
    list.updateSource(ContainerSources::docker(WebHost));
    list.updateSource(ContainerSources::stalePodman(WebHost));
    list.updateSource(ContainerSources::kubernetes(AdminHost, u"prod"_s));
    list.updateSource(ContainerSources::failedDocker(AdminHost));
    list.updateSource(ContainerSources::absent(AdminHost, ContainerRuntime::Podman));
}

QStringList column(const QAbstractItemModel *model, int column, const QModelIndex &parent = {})
{
    QStringList values;
    for (int row = 0; row < model->rowCount(parent); ++row)
        values.append(model->index(row, column, parent).data().toString());
    return values;
}

QString rowKey(const QString &host, ContainerRuntime runtime, const QString &name,
               const QString &context = {}, const QString &kubeNamespace = {})
{
    ContainerRow row;
    row.host = host;
    row.runtime = runtime;
    row.name = name;
    row.context = context;
    row.kubeNamespace = kubeNamespace;
    return row.key();
}

// A page over list alone: no monitor, no runner.
ContainersPage::Services onlyList(ContainerListModel &list)
{
    ContainersPage::Services services;
    services.list = &list;
    return services;
}

QStringList actionNames(const QList<QAction *> &actions)
{
    QStringList names;
    for (const QAction *action : actions)
        names.append(action->objectName());
    return names;
}

} // namespace

class ContainersPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void sourceTreeShowsStatesAndScopesTheList();
    void sortsByEveryColumn();
    void filtersByTextConditionAndLabels();
    void groupsRows();
    void selectionSurvivesARefresh();
    void actionsPerRuntime();
    void copiesSelectedRows();
    void logsExecAndScaleOpenWithTheRow();
    void restartThroughTheRunnerEndToEnd();
    void screenshot();
};

void ContainersPageTest::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
}

void ContainersPageTest::init()
{
    QSettings().clear();
}

void ContainersPageTest::sourceTreeShowsStatesAndScopesTheList()
{
    ContainerListModel list;
    ContainersPage page(onlyList(list));
    new QAbstractItemModelTester(page.groupModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
    new QAbstractItemModelTester(page.sourcesModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
    fill(list);
    QTreeView *tree = page.sourcesView();
    QCOMPARE(column(tree->model(), 0),
             (QStringList{u"k8s-admin (1 failing)"_s, u"web-1 (1 failing)"_s}));
    const QModelIndex admin = tree->model()->index(0, 0);
    QCOMPARE(
        column(tree->model(), 0, admin),
        (QStringList{u"Docker — failed: permission denied while trying to connect to the "
                     "Docker daemon socket"_s,
                     u"Kubernetes prod — ready, 18 row(s), updated %1"_s.arg(QLocale().toString(
                         ContainerSources::updatedAt().toLocalTime().time(), QLocale::ShortFormat)),
                     u"Podman — not installed"_s}));
    // 7 docker, 7 stale podman, 18 pods, the failed docker's error row.
    QCOMPARE(page.groupModel()->rowCount(), 33);

    tree->setCurrentIndex(tree->model()->index(1, 0)); // web-1
    QCOMPARE(page.groupModel()->rowCount(), 14);
    tree->setCurrentIndex(tree->model()->index(1, 0, admin)); // the cluster
    QCOMPARE(page.groupModel()->rowCount(), 18);
    tree->setCurrentIndex(tree->model()->index(0, 0, admin)); // the failed docker
    QCOMPARE(page.groupModel()->rowCount(), 1);
    const QModelIndex error = page.groupModel()->index(0, ContainerListModel::StatusColumn);
    QVERIFY(error.data(ContainerListModel::PlaceholderRole).toBool());
    QVERIFY(error.data().toString().contains(u"permission denied"_s));
    // The error row is not a container: no details, no actions.
    page.listView()->setCurrentIndex(error);
    QVERIFY(!page.currentRow());
    QVERIFY(!page.action(ContainerActionKind::Restart)->isEnabled());
    // All Sources shows everything again.
    page.findChild<QPushButton *>(u"allSources"_s)->click();
    QCOMPARE(page.groupModel()->rowCount(), 33);
}

void ContainersPageTest::sortsByEveryColumn()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    QTreeView *view = page.listView();
    QAbstractItemModel *model = view->model();
    for (int section = 0; section < ContainerListModel::ColumnCount; ++section) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            view->sortByColumn(section, order);
            QList<QVariant> keys;
            for (int row = 0; row < model->rowCount(); ++row)
                keys.append(model->index(row, section).data(ContainerListModel::SortRole));
            for (int row = 1; row < keys.size(); ++row) {
                const auto comparison = QVariant::compare(keys[row - 1], keys[row]);
                if (comparison == QPartialOrdering::Unordered)
                    continue; // empty against a number: the proxy's own rule
                QVERIFY2(order == Qt::AscendingOrder ? comparison != QPartialOrdering::Greater
                                                     : comparison != QPartialOrdering::Less,
                         qPrintable(u"column %1 row %2"_s.arg(section).arg(row)));
            }
        }
    }
    view->sortByColumn(ContainerListModel::RestartsColumn, Qt::DescendingOrder);
    const int most = model->index(0, ContainerListModel::RestartsColumn)
                         .data(ContainerListModel::SortRole)
                         .toInt();
    for (int row = 0; row < list.rowCount(); ++row) {
        if (!list.isPlaceholder(row))
            QVERIFY(list.rowAt(row).restarts <= most);
    }
}

void ContainersPageTest::filtersByTextConditionAndLabels()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    QAbstractItemModel *model = page.listView()->model();
    const int all = model->rowCount();

    QTest::keyClicks(page.filterInput(), u"shop web-7c9f"_s);
    QCOMPARE(model->rowCount(), 3 + 1); // the three web pods, and the failed source's error
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ContainerListModel::PlaceholderRole).toBool())
            continue; // a source's error stays in sight
        QCOMPARE(model->index(row, ContainerListModel::NamespaceColumn).data().toString(),
                 u"shop"_s);
        QVERIFY(model->index(row, ContainerListModel::NameColumn)
                    .data()
                    .toString()
                    .startsWith(u"web-"_s));
    }
    page.filterInput()->clear();
    QCOMPARE(model->rowCount(), all);

    page.conditionBox()->setCurrentIndex(page.conditionBox()->findText(u"Failing"_s));
    QVERIFY(model->rowCount() > 1 && model->rowCount() < all);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        QVERIFY(index.data(ContainerListModel::PlaceholderRole).toBool() ||
                index.data(ContainerListModel::ConditionRole).toInt() ==
                    int(ContainerCondition::Failing));
    }
    page.conditionBox()->setCurrentIndex(0);
    QCOMPARE(model->rowCount(), all);

    page.selectorInput()->setText(u"app.kubernetes.io/name=web"_s);
    QVERIFY(page.selectorError()->isHidden());
    const int web = model->rowCount();
    QVERIFY(web >= 3 && web < all);
    // An unfinished selector says what is wrong, inline, and keeps the last good one.
    page.selectorInput()->setText(u"app.kubernetes.io/name in (web"_s);
    QVERIFY(!page.selectorError()->isHidden());
    QVERIFY2(page.selectorError()->text().contains(u"column"_s),
             qPrintable(page.selectorError()->text()));
    QCOMPARE(model->rowCount(), web);
    page.selectorInput()->clear();
    QVERIFY(page.selectorError()->isHidden());
    QCOMPARE(model->rowCount(), all);
}

void ContainersPageTest::groupsRows()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    new QAbstractItemModelTester(page.groupModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QComboBox *groupBy = page.groupBox();
    groupBy->setCurrentIndex(groupBy->findData(int(ContainerGroupModel::Grouping::Host)));
    QAbstractItemModel *model = page.listView()->model();
    QCOMPARE(column(model, 0), (QStringList{u"k8s-admin (19)"_s, u"web-1 (14)"_s}));
    QVERIFY(page.listView()->isFirstColumnSpanned(0, {}));
    QVERIFY(page.listView()->isExpanded(model->index(0, 0)));
    QCOMPARE(QSettings().value(u"containers/groupBy"_s).toString(), u"host"_s);

    groupBy->setCurrentIndex(groupBy->findData(int(ContainerGroupModel::Grouping::Project)));
    const QStringList projects = column(model, 0);
    QVERIFY2(projects.contains(u"k8s-admin / deployment/web (3)"_s),
             qPrintable(projects.join(u'|')));
    // A collapsed group stays collapsed across refreshes.
    const int web = int(projects.indexOf(u"k8s-admin / deployment/web (3)"_s));
    page.listView()->collapse(model->index(web, 0));
    list.updateSource(ContainerSources::docker(WebHost + u"-2"_s));
    const int after = int(column(model, 0).indexOf(u"k8s-admin / deployment/web (3)"_s));
    QVERIFY(!page.listView()->isExpanded(model->index(after, 0)));

    // A new page remembers the grouping.
    ContainersPage again(onlyList(list));
    QCOMPARE(again.groupModel()->grouping(), ContainerGroupModel::Grouping::Project);
}

void ContainersPageTest::selectionSurvivesARefresh()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    new QAbstractItemModelTester(page.groupModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, &page);
    page.resize(1000, 420); // short: the list scrolls
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    for (const auto grouping :
         {ContainerGroupModel::Grouping::None, ContainerGroupModel::Grouping::Namespace}) {
        page.groupBox()->setCurrentIndex(page.groupBox()->findData(int(grouping)));
        page.listView()->sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
        const QString key = rowKey(AdminHost, ContainerRuntime::Kubernetes,
                                   u"web-7c9f8d6b5-xr4tq"_s, u"prod"_s, u"shop"_s);
        QVERIFY(page.selectKey(key));
        QScrollBar *scroll = page.listView()->verticalScrollBar();
        QVERIFY(scroll->maximum() > 0);
        const int position = scroll->value();
        QCOMPARE(page.currentRow()->key(), key);

        // One other pod changes: the selection and the scroll position stay.
        ContainerSource cluster = ContainerSources::kubernetes(AdminHost, u"prod"_s);
        cluster.rows[0].status = u"CrashLoopBackOff"_s;
        cluster.rows[0].restarts = 42;
        list.updateSource(cluster);
        QCOMPARE(page.currentRow()->key(), key);
        QCOMPARE(page.listView()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(page.listView()
                     ->selectionModel()
                     ->selectedRows()
                     .first()
                     .siblingAtColumn(ContainerListModel::NameColumn)
                     .data()
                     .toString(),
                 u"web-7c9f8d6b5-xr4tq"_s);
        QCOMPARE(scroll->value(), position);

        // The selected pod itself changes: it stays selected, its overview follows.
        cluster
            .rows[int(std::find_if(cluster.rows.begin(), cluster.rows.end(),
                                   [](const ContainerRow &row) {
                                       return row.name == u"web-7c9f8d6b5-xr4tq";
                                   }) -
                      cluster.rows.begin())]
            .restarts = 77;
        list.updateSource(cluster);
        QCOMPARE(page.currentRow()->restarts, 77);
        QCOMPARE(page.currentRow()->key(), key);
        auto *overview = page.detailTabs()->findChild<QTextBrowser *>(u"overview"_s);
        QVERIFY(overview->toPlainText().contains(u"77"_s));
        list.updateSource(ContainerSources::kubernetes(AdminHost, u"prod"_s));
    }
}

void ContainersPageTest::actionsPerRuntime()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    const auto menuFor = [&](const QString &key) {
        if (!page.selectKey(key))
            return QStringList{u"not found"_s};
        return actionNames(page.menuActions());
    };
    QCOMPARE(menuFor(rowKey(WebHost, ContainerRuntime::Docker, u"web"_s)),
             (QStringList{u"container-logs"_s, u"container-exec"_s, u"container-restart"_s,
                          u"container-stop"_s, u"container-delete"_s, u"copyContainers"_s}));
    QCOMPARE(menuFor(rowKey(WebHost, ContainerRuntime::Docker, u"job"_s)),
             (QStringList{u"container-logs"_s, u"container-restart"_s, u"container-start"_s,
                          u"container-delete"_s, u"copyContainers"_s}));
    const QStringList compose = menuFor(rowKey(WebHost, ContainerRuntime::Docker, u"shop_api_1"_s));
    for (const QString &name : {u"container-restart-service"_s, u"container-scale"_s,
                                u"container-compose-up"_s, u"container-compose-down"_s})
        QVERIFY2(compose.contains(name), qPrintable(compose.join(u' ')));
    const QStringList pod = menuFor(rowKey(AdminHost, ContainerRuntime::Kubernetes,
                                           u"web-7c9f8d6b5-abcde"_s, u"prod"_s, u"shop"_s));
    QVERIFY2(pod.contains(u"container-restart"_s) && pod.contains(u"container-scale"_s) &&
                 pod.contains(u"container-delete"_s) && !pod.contains(u"container-stop"_s),
             qPrintable(pod.join(u' ')));
    QVERIFY(page.action(ContainerActionKind::Scale)->isEnabled());
    QVERIFY(!page.action(ContainerActionKind::Stop)->isEnabled());
    // Without a runner the action says why instead of running.
    page.runAction(ContainerActionKind::Restart);
    QTRY_VERIFY(page.statusLine()->text().contains(u"no connection"_s));
}

void ContainersPageTest::copiesSelectedRows()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    page.listView()->sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
    page.selectKey(rowKey(WebHost, ContainerRuntime::Docker, u"web"_s));
    const QModelIndex other = page.groupModel()->mapFromSource(page.filterModel()->mapFromSource(
        list.index(list.rowOfKey(rowKey(WebHost, ContainerRuntime::Docker, u"hog"_s)), 0)));
    page.listView()->selectionModel()->select(other, QItemSelectionModel::Select |
                                                         QItemSelectionModel::Rows);
    page.copySelection();
    const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    for (const QString &line : lines) {
        QCOMPARE(line.count(u'\t'), ContainerListModel::ColumnCount - 1);
        QCOMPARE(line.section(u'\t', 0, 0), WebHost);
    }
    QVERIFY(lines.join(u'\n').contains(u"\thog\t"_s));
}

void ContainersPageTest::logsExecAndScaleOpenWithTheRow()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    QSignalSpy logs(&page, &ContainersPage::openLog);
    QSignalSpy exec(&page, &ContainersPage::openExec);
    // A pod that crashed: its log, its previous instance's log.
    QVERIFY(page.selectKey(rowKey(AdminHost, ContainerRuntime::Kubernetes,
                                  u"cart-84c6d5f9b-z8r4t"_s, u"prod"_s, u"shop"_s)));
    QVERIFY(page.action(ContainerActionKind::PreviousLogs)->isEnabled());
    page.runAction(ContainerActionKind::Logs);
    page.runAction(ContainerActionKind::PreviousLogs);
    QCOMPARE(logs.size(), 2);
    auto spec = logs[0][0].value<LiveLogSpec>();
    QCOMPARE(spec.kind, LiveLogSpec::Kind::Kubernetes);
    QCOMPARE(spec.container, u"cart-84c6d5f9b-z8r4t"_s);
    QCOMPARE(spec.kubeNamespace, u"shop"_s);
    QCOMPARE(spec.kubeContext, u"prod"_s);
    QVERIFY(!spec.previous);
    QVERIFY(logs[1][0].value<LiveLogSpec>().previous);
    QCOMPARE(logs[0][1].toString(), u"cart-84c6d5f9b-z8r4t on k8s-admin"_s);

    // A running container: exec opens the console with the prefix typed.
    QVERIFY(page.selectKey(rowKey(WebHost, ContainerRuntime::Docker, u"web"_s)));
    QVERIFY(page.execAction()->isEnabled());
    page.execAction()->trigger();
    QCOMPARE(exec.size(), 1);
    QCOMPARE(exec[0][0].toString(), WebHost);
    QVERIFY2(exec[0][1].toString().startsWith(u"docker exec "_s),
             qPrintable(exec[0][1].toString()));
    QVERIFY(exec[0][1].toString().endsWith(u' '));

    // Scale asks for the count, starting from the workload's.
    QVERIFY(page.selectKey(rowKey(AdminHost, ContainerRuntime::Kubernetes, u"web-7c9f8d6b5-abcde"_s,
                                  u"prod"_s, u"shop"_s)));
    page.runAction(ContainerActionKind::Scale);
    auto *dialog = page.findChild<QInputDialog *>(u"scaleDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->intValue(), list.workloadOf(*page.currentRow())->desired);
    QVERIFY(dialog->intValue() >= 1);
    dialog->reject();
}

void ContainersPageTest::restartThroughTheRunnerEndToEnd()
{
    QTemporaryDir directory;
    const QString calls = directory.filePath(u"calls"_s);
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl:" + path);
    qputenv("OPSDECK_FAKE_KUBECTL_CALLS", calls.toLocal8Bit());
    // A copy: the fake kubectl's delete removes the pod from the file it lists.
    const QString pods = directory.filePath(u"pods.json"_s);
    QVERIFY(QFile::copy(ContainerSources::dataPath(u"kubectl/pods-list.json"_s), pods));
    QFile::setPermissions(pods, QFile::ReadOwner | QFile::WriteOwner);
    qputenv("OPSDECK_FAKE_KUBECTL_PODS", pods.toLocal8Bit());
    qputenv("OPSDECK_FAKE_KUBECTL_EVENTS",
            ContainerSources::dataPath(u"kubectl/events.json"_s).toLocal8Bit());
    // The rows name the context "prod": the kubeconfig the fake plays has it.
    const QString contexts = directory.filePath(u"contexts"_s);
    QFile contextsFile(contexts);
    QVERIFY(contextsFile.open(QIODevice::WriteOnly));
    contextsFile.write("prod\n");
    contextsFile.close();
    qputenv("OPSDECK_FAKE_KUBECTL_CONTEXTS", contexts.toLocal8Bit());
    const auto restore = qScopeGuard([&] {
        qunsetenv("OPSDECK_FAKE_KUBECTL_CONTEXTS");
        qputenv("PATH", path);
        qunsetenv("OPSDECK_FAKE_KUBECTL_CALLS");
        qunsetenv("OPSDECK_FAKE_KUBECTL_PODS");
        qunsetenv("OPSDECK_FAKE_KUBECTL_EVENTS");
    });
    const auto called = [&] {
        QFile file(calls);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };

    CommandTesting::AuditedRunner audited;
    QVERIFY(audited.open());
    const QString host = u"This computer"_s;
    LocalExecutor executor(host);
    ContainerListModel list;
    list.updateSource(ContainerSources::kubernetes(host, u"prod"_s));
    ContainersPage::Services services = onlyList(list);
    services.runner = &audited.runner;
    services.executors = [&](const QString &name) -> Executor * {
        return name == host ? &executor : nullptr;
    };
    services.readOnly = &audited.readOnly;
    ContainersPage page(services);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString key =
        rowKey(host, ContainerRuntime::Kubernetes, u"web-7c9f8d6b5-xr4tq"_s, u"prod"_s, u"shop"_s);
    QVERIFY(page.selectKey(key));

    // The details come from the fake kubectl: the pod's JSON and its events.
    QTRY_VERIFY_WITH_TIMEOUT(!page.details()->isLoading(), 15000);
    QVERIFY2(page.details()->error().isEmpty(), qPrintable(page.details()->error()));
    auto *inspect = page.findChild<QPlainTextEdit *>(u"inspect"_s);
    QVERIFY(inspect->toPlainText().contains(u"\"name\": \"web-7c9f8d6b5-xr4tq\""_s));
    auto *events = page.findChild<QTableWidget *>(u"events"_s);
    QCOMPARE(events->rowCount(), 1);
    auto *ports = page.findChild<QTableWidget *>(u"ports"_s);
    QCOMPARE(ports->item(0, 1)->text(), u"80 (http)"_s);
    QVERIFY(called().contains(u"get pod web-7c9f8d6b5-xr4tq -n shop -o json"_s));

    // Read-only: no question, the runner refuses and the status line says so.
    audited.readOnly.setEnabled(true);
    QVERIFY(page.action(ContainerActionKind::Restart)->isEnabled()); // not the only guard
    page.runAction(ContainerActionKind::Restart);
    QTRY_VERIFY(page.statusLine()->text().contains(u"not run"_s));
    QVERIFY2(page.statusLine()->text().contains(u"ead-only"_s),
             qPrintable(page.statusLine()->text()));
    QVERIFY(!page.findChild<QMessageBox *>());
    QVERIFY(!called().contains(u"rollout"_s));

    // Read-only off: the change is confirmed, then it runs.
    audited.readOnly.setEnabled(false);
    page.runAction(ContainerActionKind::Restart);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = page.findChild<QMessageBox *>()));
    QVERIFY(box->text().contains(u"rollout restart deployment/web"_s));
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.statusLine()->text().contains(u"done"_s), 15000);
    QVERIFY2(called().contains(u"rollout restart deployment/web"_s), qPrintable(called()));
    QVERIFY(page.statusLine()->text().contains(u"deployment.apps/web restarted"_s) ||
            page.statusLine()->text().contains(u"done"_s));
    // Delete is destructive: the pod's name must be typed before it runs; Del on the list asks.
    QVERIFY(page.selectKey(key));
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.listView()->setFocus();
    QTest::keyClick(page.listView(), Qt::Key_Delete);
    QDialog *destroy = nullptr;
    QTRY_VERIFY((destroy = page.findChild<QDialog *>(u"destroyConfirmation"_s)));
    auto *typed = destroy->findChild<QLineEdit *>();
    QTest::keyClicks(typed, u"web-7c9f8d6b5-xr4tq"_s);
    destroy->accept();
    QTRY_VERIFY_WITH_TIMEOUT(page.statusLine()->text().contains(u"done"_s) &&
                                 page.statusLine()->text().contains(u"Delete"_s),
                             15000);
    QVERIFY2(called().contains(u"delete pod web-7c9f8d6b5-xr4tq"_s), qPrintable(called()));
    QVERIFY(!readFile(pods).contains("web-7c9f8d6b5-xr4tq"));

    // Both runs are in the audit log: the refused one and the one that ran.
    const auto entries = audited.entries();
    QVERIFY(entries);
    int rollouts = 0;
    for (const AuditEntry &entry : *entries)
        rollouts += entry.command.contains(u"rollout restart"_s) ? 1 : 0;
    QVERIFY(rollouts >= 1);
}

void ContainersPageTest::screenshot()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    page.resize(1600, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.groupBox()->setCurrentIndex(
        page.groupBox()->findData(int(ContainerGroupModel::Grouping::Host)));
    page.listView()->sortByColumn(ContainerListModel::StatusColumn, Qt::AscendingOrder);
    QVERIFY(page.selectKey(rowKey(AdminHost, ContainerRuntime::Kubernetes,
                                  u"cart-84c6d5f9b-z8r4t"_s, u"prod"_s, u"shop"_s)));
    page.listView()->scrollToTop();
    page.listView()->setFocus();
    saveScreenshot(page, u"containers-page"_s);
    page.setPalette(Appearance::darkPalette());
    saveScreenshot(page, u"containers-page-dark"_s);
}

QTEST_MAIN(ContainersPageTest)
#include "tst_containerspage.moc"

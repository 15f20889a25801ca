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
#include "models/containers/containermonitor.h"
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
#include <QMenu>
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

// The fake kubectl on PATH for this process (and the shells the runner starts), replaying
// the captured pod list (a copy: delete pod edits it), events and workloads, with contexts.
struct FakeKubectl {
    QTemporaryDir directory;
    QByteArray path = qgetenv("PATH");
    QString calls = directory.filePath(u"calls"_s);
    QString pods = directory.filePath(u"pods.json"_s);
    bool ready = false; // the pods copied and the contexts written

    explicit FakeKubectl(const QByteArray &contexts)
    {
        qputenv("PATH", OPSDECK_SOURCE_DIR "/tests/scripts/fake-kubectl:" + path);
        qputenv("OPSDECK_FAKE_KUBECTL_CALLS", calls.toLocal8Bit());
        ready = QFile::copy(ContainerSources::dataPath(u"kubectl/pods-list.json"_s), pods);
        QFile::setPermissions(pods, QFile::ReadOwner | QFile::WriteOwner);
        qputenv("OPSDECK_FAKE_KUBECTL_PODS", pods.toLocal8Bit());
        qputenv("OPSDECK_FAKE_KUBECTL_EVENTS",
                ContainerSources::dataPath(u"kubectl/events.json"_s).toLocal8Bit());
        qputenv("OPSDECK_FAKE_KUBECTL_WORKLOADS",
                ContainerSources::dataPath(u"kubectl/workloads.json"_s).toLocal8Bit());
        QFile file(directory.filePath(u"contexts"_s));
        ready = ready && file.open(QIODevice::WriteOnly) && file.write(contexts) == contexts.size();
        qputenv("OPSDECK_FAKE_KUBECTL_CONTEXTS", file.fileName().toLocal8Bit());
    }
    ~FakeKubectl()
    {
        qputenv("PATH", path);
        for (const char *name : {"OPSDECK_FAKE_KUBECTL_CALLS", "OPSDECK_FAKE_KUBECTL_PODS",
                                 "OPSDECK_FAKE_KUBECTL_EVENTS", "OPSDECK_FAKE_KUBECTL_WORKLOADS",
                                 "OPSDECK_FAKE_KUBECTL_CONTEXTS"})
            qunsetenv(name);
    }
    Q_DISABLE_COPY_MOVE(FakeKubectl)

    QString called() const
    {
        QFile file(calls);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
};

// Rows of the list whose context is context.
int rowsOfContext(const ContainerListModel &list, const QString &context)
{
    int count = 0;
    for (int row = 0; row < list.rowCount(); ++row)
        count += !list.isPlaceholder(row) && list.rowAt(row).context == context ? 1 : 0;
    return count;
}

// The action named objectName in the source tree's menu for index (nullptr: not there).
QAction *sourceMenuAction(ContainersPage &page, const QModelIndex &index, const QString &menuName,
                          const QString &objectName, QObject *owner)
{
    QMenu *menu = page.createSourceMenu(index, nullptr);
    if (!menu)
        return nullptr;
    menu->setParent(nullptr);
    QObject::connect(owner, &QObject::destroyed, menu, &QObject::deleteLater);
    auto *sub = menu->findChild<QMenu *>(menuName);
    return sub ? sub->findChild<QAction *>(objectName) : nullptr;
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
    void describeTabEndToEnd();
    void execAsksWhichContainer();
    void watchContextAddsAndRemovesItsPods();
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
    // The rows name the context "prod": the kubeconfig the fake plays has it.
    FakeKubectl kubectl("prod\n");
    QVERIFY(kubectl.ready);
    const QString &pods = kubectl.pods;
    const auto called = [&kubectl] { return kubectl.called(); };

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

void ContainersPageTest::describeTabEndToEnd()
{
    FakeKubectl kubectl("prod\n");
    QVERIFY(kubectl.ready);
    CommandTesting::AuditedRunner audited;
    QVERIFY(audited.open());
    const QString host = u"This computer"_s;
    LocalExecutor executor(host);
    ContainerListModel list;
    list.updateSource(ContainerSources::kubernetes(host, u"prod"_s));
    list.updateSource(ContainerSources::docker(host));
    ContainersPage::Services services = onlyList(list);
    services.runner = &audited.runner;
    services.executors = [&](const QString &name) -> Executor * {
        return name == host ? &executor : nullptr;
    };
    services.readOnly = &audited.readOnly;
    // Describe is a Read: read-only mode lets it run.
    audited.readOnly.setEnabled(true);
    ContainersPage page(services);
    page.resize(1400, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTabWidget *tabs = page.detailTabs();
    auto *pane = page.findChild<QWidget *>(u"describePane"_s);
    QVERIFY(pane);

    // A docker container has no Describe tab: Inspect is what docker can say.
    QVERIFY(page.selectKey(rowKey(host, ContainerRuntime::Docker, u"web"_s)));
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(pane)));
    QVERIFY(!page.describeAction()->isEnabled());

    // A crash-looping pod: the tab is there, read only once it is shown.
    QVERIFY(page.selectKey(rowKey(host, ContainerRuntime::Kubernetes, u"cart-84c6d5f9b-z8r4t"_s,
                                  u"prod"_s, u"shop"_s)));
    QVERIFY(tabs->isTabVisible(tabs->indexOf(pane)));
    QVERIFY(page.describeAction()->isEnabled());
    QVERIFY(actionNames(page.menuActions()).contains(u"container-describe"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!page.details()->isLoading(), 15000);
    QVERIFY(!kubectl.called().contains(u"describe"_s));
    tabs->setCurrentWidget(pane);
    QVERIFY(page.details()->isDescribing()); // the GUI thread did not wait for it
    QTRY_VERIFY_WITH_TIMEOUT(!page.details()->isDescribing(), 15000);
    QVERIFY2(page.details()->describeError().isEmpty(),
             qPrintable(page.details()->describeError()));
    QVERIFY2(
        kubectl.called().contains(u"--context prod -n shop describe pod cart-84c6d5f9b-z8r4t"_s),
        qPrintable(kubectl.called()));
    const QString text = page.describeView()->toPlainText();
    QVERIFY(text.startsWith(u"Name:             cart-84c6d5f9b-z8r4t"_s));
    QVERIFY(!text.contains(u"Hand-written"_s)); // the data file's header is not kubectl's
    QVERIFY(text.contains(u"      Reason:       OOMKilled"_s));
    QVERIFY(text.contains(u"  Warning  BackOff  40s (x88 over 174m)  kubelet  Back-off "
                          "restarting failed container cart"_s));
    // The events section is in sight without scrolling.
    QPlainTextEdit *view = page.describeView();
    const QTextCursor events = view->document()->find(u"Events:"_s);
    QVERIFY(!events.isNull());
    QVERIFY(view->viewport()->rect().contains(view->cursorRect(events)));
    QVERIFY(page.findChild<QLabel *>(u"describeState"_s)->text().contains(u"read at"_s));
    saveScreenshot(page, u"containers-describe"_s);

    // Ctrl+Shift+D (and the button) read it again; each read is audited.
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.listView()->setFocus();
    QTest::keyClick(page.listView(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(kubectl.called().count(u"describe pod"_s), 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!page.details()->isDescribing(), 15000);
    page.findChild<QPushButton *>(u"describeAgain"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(kubectl.called().count(u"describe pod"_s), 3, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!page.details()->isDescribing(), 15000);
    const auto entries = audited.entries();
    QVERIFY(entries);
    int described = 0;
    for (const AuditEntry &entry : *entries)
        described += entry.command.contains(u"describe pod cart-84c6d5f9b-z8r4t"_s) ? 1 : 0;
    QCOMPARE(described, 3);

    // Another pod while the tab is shown: read for it; a pod gone says kubectl's error.
    QVERIFY(page.selectKey(rowKey(host, ContainerRuntime::Kubernetes, u"web-7c9f8d6b5-abcde"_s,
                                  u"prod"_s, u"shop"_s)));
    QCOMPARE(tabs->currentWidget(), pane);
    QVERIFY(page.details()->isDescribing());
    QVERIFY(page.describeView()->toPlainText().isEmpty()); // not the other pod's text
    QTRY_VERIFY_WITH_TIMEOUT(!page.details()->isDescribing(), 15000);
    QVERIFY2(page.details()->describeError().contains(u"no describe text"_s),
             qPrintable(page.details()->describeError()));
    QVERIFY(page.findChild<QLabel *>(u"describeState"_s)->text().startsWith(u"Describe: "_s));
}

void ContainersPageTest::execAsksWhichContainer()
{
    ContainerListModel list;
    fill(list);
    ContainersPage page(onlyList(list));
    QSignalSpy exec(&page, &ContainersPage::openExec);
    const auto dialog = [&page] {
        return page.findChild<QInputDialog *>(u"execContainerDialog"_s);
    };

    // One container: no question.
    QVERIFY(page.selectKey(rowKey(AdminHost, ContainerRuntime::Kubernetes, u"web-7c9f8d6b5-abcde"_s,
                                  u"prod"_s, u"shop"_s)));
    page.execAction()->trigger();
    QVERIFY(!dialog());
    QCOMPARE(exec.size(), 1);
    QVERIFY2(exec[0][1].toString().endsWith(u"exec web-7c9f8d6b5-abcde -c nginx -- "_s),
             qPrintable(exec[0][1].toString()));

    // The app and its native sidecar: the operator says which.
    const QString checkout = rowKey(AdminHost, ContainerRuntime::Kubernetes,
                                    u"checkout-6f7d8c9b7-m4n5b"_s, u"prod"_s, u"shop"_s);
    QVERIFY(page.selectKey(checkout));
    page.execAction()->trigger();
    QVERIFY(dialog());
    QCOMPARE(dialog()->comboBoxItems(), (QStringList{u"checkout"_s, u"log-shipper"_s}));
    QCOMPARE(dialog()->textValue(), u"checkout"_s);
    QCOMPARE(exec.size(), 1); // nothing until chosen
    QVERIFY(QTest::qWaitForWindowExposed(dialog()));
    saveScreenshot(*dialog(), u"containers-exec-container"_s);
    dialog()->setTextValue(u"log-shipper"_s);
    dialog()->accept();
    QCOMPARE(exec.size(), 2);
    QCOMPARE(exec[1][0].toString(), AdminHost);
    QCOMPARE(exec[1][1].toString(), u"kubectl --context prod -n shop exec checkout-6f7d8c9b7-m4n5b "
                                    "-c log-shipper -- "_s);
    QTRY_VERIFY(!dialog());

    // Another pod with two containers starts from its first; the choice is per pod.
    QVERIFY(page.selectKey(
        rowKey(AdminHost, ContainerRuntime::Kubernetes, u"postgres-0"_s, u"prod"_s, u"data"_s)));
    page.execAction()->trigger();
    QVERIFY(dialog());
    QCOMPARE(dialog()->textValue(), u"postgres"_s);
    dialog()->reject();
    QCOMPARE(exec.size(), 2); // cancelled: nothing opens
    QTRY_VERIFY(!dialog());

    // Back on the first pod, the last choice is offered again.
    QVERIFY(page.selectKey(checkout));
    page.execAction()->trigger();
    QVERIFY(dialog());
    QCOMPARE(dialog()->textValue(), u"log-shipper"_s);
    dialog()->accept();
    QCOMPARE(exec.size(), 3);
    QVERIFY(exec[2][1].toString().contains(u"-c log-shipper --"_s));
    QTRY_VERIFY(!dialog());

    // A pod whose init step runs (Init:1/2) can be entered there: its containers are offered.
    QVERIFY(page.selectKey(rowKey(AdminHost, ContainerRuntime::Kubernetes, u"api-5d8f7b9c4-k2x7p"_s,
                                  u"prod"_s, u"shop"_s)));
    QVERIFY(page.execAction()->isEnabled());
    page.execAction()->trigger();
    QVERIFY(dialog());
    QCOMPARE(dialog()->comboBoxItems(), (QStringList{u"api"_s, u"migrate"_s}));
    dialog()->reject();
}

void ContainersPageTest::watchContextAddsAndRemovesItsPods()
{
    FakeKubectl kubectl("prod\nstaging\n");
    QVERIFY(kubectl.ready);
    CommandTesting::AuditedRunner audited;
    QVERIFY(audited.open());
    const QString hostName = u"This computer"_s;
    LocalExecutor executor(hostName);
    const auto executors = [&](const QString &name) -> Executor * {
        return name == hostName ? &executor : nullptr;
    };
    Workspace workspace;
    Environment environment;
    environment.name = u"local"_s;
    Host host;
    host.name = hostName;
    host.connection = ConnectionKind::Local;
    host.containers.runtimes = {u"kubernetes"_s};
    host.containers.kubeContexts = {u"prod"_s};
    host.containers.intervalSeconds = 1; // rounds follow each other quickly
    environment.hosts = {host};
    workspace.environments = {environment};

    auto run = [&](const std::function<void(ContainersPage &, ContainerMonitor &)> &body) {
        ContainerMonitor monitor(&audited.runner, executors);
        monitor.setWorkspace(workspace);
        ContainersPage::Services services;
        services.monitor = &monitor;
        services.runner = &audited.runner;
        services.executors = executors;
        services.readOnly = &audited.readOnly;
        ContainersPage page(services);
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        body(page, monitor);
    };

    run([&](ContainersPage &page, ContainerMonitor &monitor) {
        ContainerListModel *list = page.listModel();
        QTRY_COMPARE_WITH_TIMEOUT(rowsOfContext(*list, u"prod"_s), 18, 30000);
        QCOMPARE(rowsOfContext(*list, u"staging"_s), 0);
        ContainerSourcesModel *sources = page.sourcesModel();
        const QModelIndex hostIndex = sources->indexOfHost(hostName);
        QVERIFY(hostIndex.isValid());
        const QModelIndex cluster = sources->index(0, 0, hostIndex);
        QTRY_VERIFY(cluster.data(Qt::ToolTipRole)
                        .toString()
                        .contains(u"Also in the kubeconfig: staging"_s));

        // The cluster node's menu offers the context not polled, not the one that is.
        QVERIFY(!sourceMenuAction(page, cluster, u"watchContextMenu"_s, u"watch:prod"_s, &page));
        QAction *watch =
            sourceMenuAction(page, cluster, u"watchContextMenu"_s, u"watch:staging"_s, &page);
        QVERIFY(watch);
        watch->trigger();
        QCOMPARE(page.watchedContexts(hostName), QStringList{u"staging"_s});
        QCOMPARE(monitor.settingsFor(hostName).kubeContexts,
                 (QStringList{u"prod"_s, u"staging"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(rowsOfContext(*list, u"staging"_s), 18, 30000);
        QVERIFY(kubectl.called().contains(u"--context staging get --raw"_s));
        // The rows say their context; the prod ones stayed.
        QCOMPARE(rowsOfContext(*list, u"prod"_s), 18);
        QVERIFY(page.selectKey(rowKey(hostName, ContainerRuntime::Kubernetes,
                                      u"cart-84c6d5f9b-z8r4t"_s, u"staging"_s, u"shop"_s)));
        QCOMPARE(page.currentRow()->context, u"staging"_s);
        QVERIFY(!page.listView()->header()->isSectionHidden(ContainerListModel::ContextColumn));
        QCOMPARE(page.listView()
                     ->currentIndex()
                     .siblingAtColumn(ContainerListModel::ContextColumn)
                     .data()
                     .toString(),
                 u"staging"_s);
        // Watched: no longer offered, but in Stop Watching (on the host's node too).
        QVERIFY(
            !sourceMenuAction(page, hostIndex, u"watchContextMenu"_s, u"watch:staging"_s, &page));
        QVERIFY(sourceMenuAction(page, hostIndex, u"stopWatchingMenu"_s, u"stop:staging"_s, &page));
        page.setFocus();
        saveScreenshot(page, u"containers-watched-context"_s);
    });

    if (QTest::currentTestFailed())
        return;
    // A new page (and monitor) with the same settings watches it again.
    QCOMPARE(QSettings().value(u"containers/watchedContexts"_s).toMap().value(hostName),
             QVariant(QStringList{u"staging"_s}));
    run([&](ContainersPage &page, ContainerMonitor &monitor) {
        QCOMPARE(monitor.watchedContexts(hostName), QStringList{u"staging"_s});
        ContainerListModel *list = page.listModel();
        QTRY_COMPARE_WITH_TIMEOUT(rowsOfContext(*list, u"staging"_s), 18, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(rowsOfContext(*list, u"prod"_s), 18, 30000);

        // Stop Watching: its rows and its node go at once; prod's stay.
        const QModelIndex hostIndex = page.sourcesModel()->indexOfHost(hostName);
        QAction *stop =
            sourceMenuAction(page, hostIndex, u"stopWatchingMenu"_s, u"stop:staging"_s, &page);
        QVERIFY(stop);
        stop->trigger();
        QCOMPARE(rowsOfContext(*list, u"staging"_s), 0);
        QCOMPARE(rowsOfContext(*list, u"prod"_s), 18);
        QCOMPARE(page.sourcesModel()->rowCount(page.sourcesModel()->indexOfHost(hostName)), 1);
        QVERIFY(page.watchedContexts(hostName).isEmpty());
        QVERIFY(!QSettings().value(u"containers/watchedContexts"_s).toMap().contains(hostName));
        QCOMPARE(monitor.settingsFor(hostName).kubeContexts, QStringList{u"prod"_s});
        // The next rounds do not bring it back: two more begin, so one ran whole.
        const int calls = int(kubectl.called().count(u"--context staging get --raw"_s));
        const int rounds = int(kubectl.called().count(u"config get-contexts"_s));
        QTRY_VERIFY_WITH_TIMEOUT(kubectl.called().count(u"config get-contexts"_s) >= rounds + 2,
                                 30000);
        QCOMPARE(rowsOfContext(*list, u"staging"_s), 0);
        QCOMPARE(kubectl.called().count(u"--context staging get --raw"_s), calls);
    });
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

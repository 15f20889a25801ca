// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containerrow.h"

#include "models/core/idtable.h"

#include <QCoreApplication>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

constexpr std::array runtimeIds = {
    std::pair{ContainerRuntime::Docker, u"docker"},
    std::pair{ContainerRuntime::Podman, u"podman"},
    std::pair{ContainerRuntime::Kubernetes, u"kubernetes"},
};

constexpr std::array conditionIds = {
    std::pair{ContainerCondition::Running, u"running"},
    std::pair{ContainerCondition::Progressing, u"progressing"},
    std::pair{ContainerCondition::Stopped, u"stopped"},
    std::pair{ContainerCondition::Failing, u"failing"},
    std::pair{ContainerCondition::Unknown, u"unknown"},
};

} // namespace

QString containerRuntimeId(ContainerRuntime runtime)
{
    return idOf(runtimeIds, runtime);
}

std::optional<ContainerRuntime> containerRuntimeFromId(QStringView id)
{
    return fromId(runtimeIds, id, Qt::CaseInsensitive);
}

QString containerRuntimeName(ContainerRuntime runtime)
{
    switch (runtime) {
    case ContainerRuntime::Docker:
        return QCoreApplication::translate("ContainerRuntime", "Docker");
    case ContainerRuntime::Podman:
        return QCoreApplication::translate("ContainerRuntime", "Podman");
    case ContainerRuntime::Kubernetes:
        return QCoreApplication::translate("ContainerRuntime", "Kubernetes");
    }
    return {};
}

QString containerConditionId(ContainerCondition condition)
{
    return idOf(conditionIds, condition);
}

std::optional<ContainerCondition> containerConditionFromId(QStringView id)
{
    return fromId(conditionIds, id, Qt::CaseInsensitive);
}

QString containerConditionName(ContainerCondition condition)
{
    switch (condition) {
    case ContainerCondition::Running:
        return QCoreApplication::translate("ContainerCondition", "Running");
    case ContainerCondition::Progressing:
        return QCoreApplication::translate("ContainerCondition", "Progressing");
    case ContainerCondition::Stopped:
        return QCoreApplication::translate("ContainerCondition", "Stopped");
    case ContainerCondition::Failing:
        return QCoreApplication::translate("ContainerCondition", "Failing");
    case ContainerCondition::Unknown:
        return QCoreApplication::translate("ContainerCondition", "Unknown");
    }
    return {};
}

QString ContainerRow::key() const
{
    // Pods keep their name across restarts; containers too (a recreated compose container
    // gets a new ID but keeps its name, and the operator's selection should follow it).
    // One allocation: the model makes a key per row on every refresh.
    return host + u'\x1f' + containerRuntimeId(runtime) + u'\x1f' + context + u'\x1f' +
           kubeNamespace + u'\x1f' + name;
}

} // namespace OpsDeck

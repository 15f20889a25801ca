# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file under ROOT (models/) includes a QtWidgets or QtCharts header: the models
# layer must stay headless. Used by the build (a dependency of OpsDeck::Models) and by CTest.
if(NOT ROOT)
    message(FATAL_ERROR "usage: cmake -DROOT=<models dir> -P check-layering.cmake")
endif()
file(GLOB_RECURSE sources "${ROOT}/*.h" "${ROOT}/*.cpp")
set(widget_headers "QtWidgets|QtCharts|QWidget|QMainWindow|QDialog|QApplication|QMessageBox|QChart[A-Za-z]*|QAbstractButton|QLayout|QLabel|QTreeView|QTableView|QListView")
set(offenders "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](${widget_headers})[/>\"]")
    if(hits)
        list(APPEND offenders "${source}: ${hits}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " text)
    message(FATAL_ERROR "models/ must not include QtWidgets or QtCharts headers:\n  ${text}")
endif()

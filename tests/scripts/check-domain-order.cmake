# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file includes a domain that is not below its own: models/ domains and widgets/
# groups each form one order, lowest first, and doors open only downwards. Also fails on an
# include of our own code that does not name its layer ("models/…", "widgets/…").
#   cmake -DROOT=<source dir> -DMODEL_DOMAINS="core;…" -DWIDGET_GROUPS="common;…" -P check-domain-order.cmake
if(NOT ROOT OR NOT MODEL_DOMAINS OR NOT WIDGET_GROUPS)
    message(FATAL_ERROR "usage: cmake -DROOT=<dir> -DMODEL_DOMAINS=<list> -DWIDGET_GROUPS=<list> -P check-domain-order.cmake")
endif()

set(violations "")

# check_layer(LAYER ORDER FORBIDDEN_LAYERS): every file in ROOT/LAYER/<part>/ may include
# "LAYER/<other>/…" only when <other> comes no later than <part> in ORDER.
function(check_layer layer order forbidden)
    file(GLOB parts RELATIVE "${ROOT}/${layer}" "${ROOT}/${layer}/*")
    foreach(part IN LISTS parts)
        if(NOT IS_DIRECTORY "${ROOT}/${layer}/${part}")
            continue()
        endif()
        list(FIND order "${part}" own_rank)
        if(own_rank EQUAL -1)
            list(JOIN order " " shown_order)
            list(APPEND violations "${layer}/${part}/: a folder missing from the order (${shown_order})")
            continue()
        endif()
        file(GLOB_RECURSE sources "${ROOT}/${layer}/${part}/*.h" "${ROOT}/${layer}/${part}/*.cpp")
        foreach(source IN LISTS sources)
            file(RELATIVE_PATH shown "${ROOT}" "${source}")
            file(STRINGS "${source}" lines)
            set(line_number 0)
            foreach(line IN LISTS lines)
                math(EXPR line_number "${line_number} + 1")
                if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
                    continue()
                endif()
                set(included "${CMAKE_MATCH_1}")
                if(included MATCHES "\\.moc$" OR included MATCHES "^moc_")
                    continue()
                endif()
                if(included MATCHES "^${layer}/([^/]+)/")
                    list(FIND order "${CMAKE_MATCH_1}" rank)
                    if(rank EQUAL -1 OR rank GREATER own_rank)
                        list(APPEND violations
                            "${shown}:${line_number}: ${layer}/${part} includes ${included}, which is not below it")
                    endif()
                elseif(included MATCHES "^([^/]+)/")
                    list(FIND forbidden "${CMAKE_MATCH_1}" banned)
                    if(NOT banned EQUAL -1)
                        list(APPEND violations
                            "${shown}:${line_number}: ${layer}/ includes ${included} from a layer above it")
                    elseif(NOT CMAKE_MATCH_1 STREQUAL "models")
                        list(APPEND violations
                            "${shown}:${line_number}: include \"${included}\" does not name its layer")
                    endif()
                else()
                    list(APPEND violations
                        "${shown}:${line_number}: include \"${included}\" does not name its layer and domain")
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

check_layer(models "${MODEL_DOMAINS}" "widgets;app;tests")
check_layer(widgets "${WIDGET_GROUPS}" "app;tests")

if(violations)
    list(JOIN violations "\n  " text)
    list(JOIN MODEL_DOMAINS " " model_order)
    list(JOIN WIDGET_GROUPS " " widget_order)
    message(FATAL_ERROR "Domain order broken (lowest first: models: ${model_order}; "
        "widgets: ${widget_order}):\n  ${text}")
endif()

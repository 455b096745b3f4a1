# SPDX-License-Identifier: Apache-2.0
# Writes the large hostile fixtures into OUT (a folder in the build tree):
# each limit at its boundary and one step past it.
#   cmake -DOUT=<dir> -P generate.cmake
file(MAKE_DIRECTORY "${OUT}")
set(head "{\"release\": {\"name\": \"m\"}, \"x\": ")

function(write name content)
  file(WRITE "${OUT}/${name}" "${content}")
endfunction()

# Input size: the default limit is 64 MiB; a valid manifest padded with
# spaces to exactly that size, and one byte more.
set(body "{\"release\": {\"name\": \"m\"}}")
string(LENGTH "${body}" body_len)
math(EXPR pad "64 * 1024 * 1024 - ${body_len}")
string(REPEAT " " ${pad} spaces)
write(size-64MiB.json "${body}${spaces}")
write(size-64MiB-plus-1.json "${body}${spaces} ")

# JSON nesting: the root object is level 1, so 63 nested lists reach 64.
foreach(n 63 64)
  string(REPEAT "[" ${n} open)
  string(REPEAT "]" ${n} close)
  math(EXPR levels "${n} + 1")
  write(depth-json-${levels}.json "${head}${open}${close}}")
endforeach()

# YAML flow nesting, same counting.
foreach(n 63 64)
  string(REPEAT "[" ${n} open)
  string(REPEAT "]" ${n} close)
  math(EXPR levels "${n} + 1")
  write(depth-flow-${levels}.yml "release: {name: m}\nx: ${open}${close}\n")
endforeach()

# YAML compact block sequences on one line: "- - - x".
foreach(n 63 64)
  string(REPEAT "- " ${n} dashes)
  math(EXPR levels "${n} + 1")
  write(depth-compact-${levels}.yml "release: {name: m}\nx:\n  ${dashes}x\n")
endforeach()

# YAML nesting by indentation: a mapping per line, each one space deeper.
# The root mapping is level 1; key k1 opens level 2, and so on.
foreach(levels 64 65)
  set(text "release: {name: m}\n")
  set(indent "")
  foreach(i RANGE 1 ${levels})
    string(APPEND text "${indent}k${i}:\n")
    string(APPEND indent " ")
  endforeach()
  write(depth-indent-${levels}.yml "${text}")
endforeach()

# Far deeper than any stack survives unguarded (the guard must stop it early).
string(REPEAT "- " 200000 dashes)
write(depth-compact-200000.yml "${dashes}x\n")
string(REPEAT "[" 200000 open)
write(depth-json-200000.json "${open}")

# Aliases nested inside aliases: each anchor wraps the previous one in a list.
# a<i> holds i nested lists, so a<levels - 1> under the root reaches `levels`.
foreach(levels 64 65)
  set(text "release: {name: m}\na0: &a0 x\n")
  math(EXPR last "${levels} - 1")
  foreach(i RANGE 1 ${last})
    math(EXPR prev "${i} - 1")
    string(APPEND text "a${i}: &a${i} [*a${prev}]\n")
  endforeach()
  write(depth-alias-${levels}.yml "${text}")
endforeach()

# Components: the default limit is 1000.
foreach(n 1000 1001)
  string(REPEAT "{\"name\": \"Model card\"}," ${n} items)
  string(REGEX REPLACE ",$" "" items "${items}")
  write(components-${n}.json "{\"release\": {\"name\": \"m\", \"components\": [${items}]}}")
endforeach()

# String length: the default limit is 1 MiB.
foreach(extra 0 1)
  math(EXPR n "1024 * 1024 + ${extra}")
  string(REPEAT "a" ${n} name)
  write(string-1MiB-plus-${extra}.json "{\"release\": {\"name\": \"${name}\"}}")
  write(string-1MiB-plus-${extra}.yml "release:\n  name: ${name}\n")
endforeach()

# Values per document: at most 200000 (the root, 'release', its name and the
# list count too, so the list holds 199996 or 199997 numbers).
foreach(n 199996 199997)
  string(REPEAT "0," ${n} zeros)
  string(REGEX REPLACE ",$" "" zeros "${zeros}")
  write(values-${n}.json "{\"release\": {\"name\": \"m\"}, \"x\": [${zeros}]}")
endforeach()

# A mapping with many keys (duplicate search must stay fast).
set(keys "")
foreach(i RANGE 1 50000)
  string(APPEND keys "\"k${i}\": 0, ")
endforeach()
write(keys-50000.json "{\"release\": {\"name\": \"m\"}, \"x\": {${keys}\"k1\": 1}}")

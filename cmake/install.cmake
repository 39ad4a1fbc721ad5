# cmake --install: the C header and the C++ headers, the libraries, the CLI, a CMake package
# (find_package(barnetslov CONFIG) -> barnetslov::barnetslov, barnetslov::reports, barnetslov::c)
# and barnetslov.pc. The package has two components, exported apart: C (barnetslov::c, which
# needs nothing else) and CXX (the static C++ libraries, which need date, fmt and pugixml's CMake
# packages), so that a C user needs none of the C++ libraries' dev packages. The Java binding's jar
# too, when it is built.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(BARNETSLOV_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/barnetslov)

# Exported as barnetslov::c, the name the tree gives it by an ALIAS.
set_target_properties(barnetslov_c PROPERTIES EXPORT_NAME c)
install(TARGETS barnetslov_c EXPORT barnetslovCTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS barnetslov_cxx barnetslov_reports EXPORT barnetslovCxxTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS barnetslov_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/capi/barnetslov.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/barnetslov DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${BARNETSLOV_GENERATED_INCLUDE}/barnetslov/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/barnetslov)
# share/java, where Debian keeps jars (jna.jar beside it): barnetslov-VERSION.jar and barnetslov.jar.
if(TARGET barnetslov_java)
  install_jar(barnetslov_java DESTINATION ${CMAKE_INSTALL_DATADIR}/java)
endif()
# The case-file format for programs that write or check case files (`barnetslov schema` prints
# the same; generated_files_test keeps the checked-in copies up to date).
install(FILES ${PROJECT_SOURCE_DIR}/schema/case-1.xsd ${PROJECT_SOURCE_DIR}/schema/case-1.schema.json
              ${PROJECT_SOURCE_DIR}/schema/vocabulary-1.json ${PROJECT_SOURCE_DIR}/schema/README.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/barnetslov)

install(EXPORT barnetslovCTargets NAMESPACE barnetslov:: FILE barnetslov-c-targets.cmake DESTINATION ${BARNETSLOV_INSTALL_CMAKEDIR})
install(EXPORT barnetslovCxxTargets NAMESPACE barnetslov:: FILE barnetslov-cxx-targets.cmake DESTINATION ${BARNETSLOV_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/barnetslovConfig.cmake.in
  ${PROJECT_BINARY_DIR}/barnetslovConfig.cmake INSTALL_DESTINATION ${BARNETSLOV_INSTALL_CMAKEDIR})
# 0.x minor versions keep the C ABI (capi/README.md); the C++ library promises source only.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/barnetslovConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/barnetslovConfig.cmake ${PROJECT_BINARY_DIR}/barnetslovConfigVersion.cmake
  DESTINATION ${BARNETSLOV_INSTALL_CMAKEDIR})

# The .pc file finds its prefix from where it lies, so an installed tree can be moved (and
# installed with --prefix into a temporary directory, as tests/consumer does).
file(RELATIVE_PATH BARNETSLOV_PC_TO_PREFIX /p/${CMAKE_INSTALL_LIBDIR}/pkgconfig /p)
configure_file(${CMAKE_CURRENT_LIST_DIR}/barnetslov.pc.in ${PROJECT_BINARY_DIR}/barnetslov.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/barnetslov.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

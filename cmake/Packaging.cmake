# Debian packages cut from the install components of cmake/Install.cmake (packaging/README.md):
#   cmake --build build --target package   (or: cd build && cpack -G DEB)
# The library looks for its data at the install prefix it was built for, so packages are built
# from a tree configured with -DCMAKE_INSTALL_PREFIX=/usr (scripts/build.sh does).
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    message(STATUS "Debian packages want -DCMAKE_INSTALL_PREFIX=/usr (now ${CMAKE_INSTALL_PREFIX})")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cccd)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "cccd")
set(CPACK_PACKAGE_CONTACT "cccd maintainers <cccd@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # dpkg-shlibdeps (dpkg-dev) adds the libraries' packages
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)

# component: package name, section, extra dependencies, summary
set(cccd_packages
    "runtime|libcccd0|libs||C API library of the chip ID card reader SDK, with its data"
    "dev|libcccd-dev|libdevel|@dev_depends@|headers, static SDK, CMake and pkg-config files"
    "tools|cccd-tools|utils|pcscd|cccd-read, cccd-qr, cccd-verify, cccd-verify-sod"
    "kiosk|cccd-kiosk|utils|pcscd|counter application for chip ID cards (Qt)"
    "emulator|cccd-emulator|utils|pcscd, vsmartcard-vpcd|emulated chip ID card for vpcd"
    "python|python3-cccd|python|python3|Python binding of the chip ID card reader SDK")

# The static libraries' headers and link dependencies come from these -dev packages.
# pkg-config: the CMake package finds PC/SC and ICU through it (find_dependency(PkgConfig)).
set(dev_depends
    "libssl-dev (>= 3.0), libpcsclite-dev, libicu-dev, nlohmann-json3-dev, pkg-config")
if(TARGET cccd_vision)
    string(APPEND dev_depends ", libzxing-dev, libopencv-core-dev, libopencv-imgproc-dev"
        ", libopencv-imgcodecs-dev, libopencv-videoio-dev")
endif()

# A part that is not built (no Qt, no Python binding yet) makes no package.
set(built_components runtime dev tools)
if(TARGET cccd-kiosk)
    list(APPEND built_components kiosk)
endif()
if(TARGET cccd-emulator)
    list(APPEND built_components emulator)
endif()
if(EXISTS "${PROJECT_SOURCE_DIR}/python/cccd/__init__.py")
    list(APPEND built_components python)
endif()

set(CPACK_COMPONENTS_ALL)
foreach(entry IN LISTS cccd_packages)
    string(REPLACE "|" ";" fields "${entry}")
    list(GET fields 0 component)
    if(NOT component IN_LIST built_components)
        continue()
    endif()
    list(GET fields 1 name)
    list(GET fields 2 section)
    list(GET fields 3 depends)
    list(GET fields 4 summary)
    string(TOUPPER "${component}" upper)
    string(REPLACE "@dev_depends@" "${dev_depends}" depends "${depends}")
    list(APPEND CPACK_COMPONENTS_ALL ${component})
    set(CPACK_DEBIAN_${upper}_PACKAGE_NAME ${name})
    set(CPACK_DEBIAN_${upper}_PACKAGE_SECTION ${section})
    set(CPACK_DEBIAN_${upper}_PACKAGE_DEPENDS "${depends}")
    set(CPACK_COMPONENT_${upper}_DESCRIPTION "${summary}")
endforeach()
# Packages that carry libcccd.so.0's users depend on it by exact version (component DEPENDS).
# The tools and the kiosk load the built-in trust anchor and the address tables libcccd0 ships.
set(CPACK_COMPONENT_DEV_DEPENDS runtime)
set(CPACK_COMPONENT_PYTHON_DEPENDS runtime)
set(CPACK_COMPONENT_TOOLS_DEPENDS runtime)
set(CPACK_COMPONENT_KIOSK_DEPENDS runtime)
# A shlibs file for libcccd.so.0 (only libcccd0 has a shared library), so that packages built
# against it depend on this version or later; the ABI is stable within SONAME 0.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/kiosk/postrm")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PYTHON_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SHLIBDEPS OFF)

include(CPack)

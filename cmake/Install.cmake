# What `cmake --install` puts where, in the components the Debian packages are cut from
# (packaging/README.md): runtime (libcccd.so.0 and its data), dev (headers, static libraries,
# CMake package and pkg-config files), tools, kiosk, emulator, python. Included last, once every
# target exists; a part that is not built (no Qt, no vision, no Python binding yet) is skipped.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CCCD_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/cccd")
# The SDK's headers include each other by layer ("base/Bytes.h"): they keep that layout under
# include/cccd, which consumers put on their include path (the CMake package and cccd-sdk.pc do).
set(CCCD_INSTALL_SDK_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}/cccd")

# A target's include directories point into the source tree; an installed target must point
# into the installed tree instead.
function(cccd_install_interface target include_dir)
    get_target_property(dirs ${target} INTERFACE_INCLUDE_DIRECTORIES)
    set(wrapped "$<INSTALL_INTERFACE:${include_dir}>")
    foreach(dir IN LISTS dirs)
        if(dir MATCHES "^\\$<")
            list(APPEND wrapped "${dir}") # already a generator expression
        else()
            list(APPEND wrapped "$<BUILD_INTERFACE:${dir}>")
        endif()
    endforeach()
    set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${wrapped}")
endfunction()

# --- capi: the C library and cccd/cccd.h --------------------------------------------------
if(TARGET cccd)
    cccd_install_interface(cccd "${CMAKE_INSTALL_INCLUDEDIR}")
    set_target_properties(cccd PROPERTIES EXPORT_NAME capi)
    add_library(cccd::capi ALIAS cccd)
    install(TARGETS cccd EXPORT cccd-capi-targets
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT runtime NAMELINK_COMPONENT dev)
    install(FILES "${PROJECT_SOURCE_DIR}/sdk/capi/include/cccd/cccd.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/cccd" COMPONENT dev)
    install(EXPORT cccd-capi-targets NAMESPACE cccd:: DESTINATION "${CCCD_INSTALL_CMAKEDIR}"
        COMPONENT dev)
    list(APPEND CCCD_PACKAGE_COMPONENTS capi)
endif()

# --- sdk: one static library per layer, the PC/SC channel, their headers -----------------
# Internal headers that name a third-party type stay out; tests/packaging checks what remains.
set(cccd_sdk_dirs
    sdk/base sdk/tlv sdk/crypto sdk/apdu sdk/transport sdk/sm sdk/access sdk/mrz sdk/qr
    sdk/address sdk/lds sdk/verify sdk/reader sdk/json sdk/evidence drivers/pcsc)
add_library(cccd_sdk INTERFACE)
set_target_properties(cccd_sdk PROPERTIES EXPORT_NAME sdk)
add_library(cccd::sdk ALIAS cccd_sdk)
set(cccd_sdk_targets cccd_sdk)
foreach(dir IN LISTS cccd_sdk_dirs)
    get_filename_component(layer "${dir}" NAME)
    cccd_install_interface(cccd_${layer} "${CCCD_INSTALL_SDK_INCLUDEDIR}")
    set_target_properties(cccd_${layer} PROPERTIES EXPORT_NAME ${layer})
    target_link_libraries(cccd_sdk INTERFACE cccd_${layer})
    list(APPEND cccd_sdk_targets cccd_${layer})
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/${dir}/"
        DESTINATION "${CCCD_INSTALL_SDK_INCLUDEDIR}/${layer}" COMPONENT dev
        FILES_MATCHING PATTERN "*.h")
endforeach()
target_include_directories(cccd_sdk INTERFACE
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
install(TARGETS ${cccd_sdk_targets} EXPORT cccd-sdk-targets
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev)
install(EXPORT cccd-sdk-targets NAMESPACE cccd:: DESTINATION "${CCCD_INSTALL_CMAKEDIR}"
    COMPONENT dev)
list(APPEND CCCD_PACKAGE_COMPONENTS sdk)

# --- vision: QR decoding from images and cameras (OpenCV and ZXing-C++ at run time) -------
# Its headers that show OpenCV or ZXing types are internal to the library.
if(TARGET cccd_vision)
    cccd_install_interface(cccd_vision "${CCCD_INSTALL_SDK_INCLUDEDIR}")
    set_target_properties(cccd_vision PROPERTIES EXPORT_NAME vision)
    set_target_properties(cccd_opencv PROPERTIES EXPORT_NAME opencv)
    add_library(cccd::vision ALIAS cccd_vision)
    install(TARGETS cccd_vision cccd_opencv EXPORT cccd-vision-targets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev)
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/sdk/vision/"
        DESTINATION "${CCCD_INSTALL_SDK_INCLUDEDIR}/vision" COMPONENT dev
        FILES_MATCHING PATTERN "*.h"
        PATTERN "OpenCvImage.h" EXCLUDE PATTERN "QrCandidates.h" EXCLUDE
        PATTERN "QrCrops.h" EXCLUDE PATTERN "QrFilters.h" EXCLUDE PATTERN "QrPassImage.h" EXCLUDE)
    install(EXPORT cccd-vision-targets NAMESPACE cccd:: DESTINATION "${CCCD_INSTALL_CMAKEDIR}"
        COMPONENT dev)
    list(APPEND CCCD_PACKAGE_COMPONENTS vision)
endif()

# --- the CMake package and the pkg-config files ------------------------------------------
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/cccdConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/cccdConfig.cmake" INSTALL_DESTINATION "${CCCD_INSTALL_CMAKEDIR}")
# 0.x: a minor release may change the C++ SDK, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/cccdConfigVersion.cmake"
    COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/cccdConfig.cmake"
              "${PROJECT_BINARY_DIR}/cccdConfigVersion.cmake"
        DESTINATION "${CCCD_INSTALL_CMAKEDIR}" COMPONENT dev)

foreach(pc IN ITEMS cccd cccd-sdk)
    configure_file("${PROJECT_SOURCE_DIR}/cmake/${pc}.pc.in" "${PROJECT_BINARY_DIR}/${pc}.pc"
        @ONLY)
    install(FILES "${PROJECT_BINARY_DIR}/${pc}.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT dev)
endforeach()

# --- the samples, as sources a developer builds against the installed SDK (docs/c-api.md) ---
install(DIRECTORY "${PROJECT_SOURCE_DIR}/samples/c/kyc-check"
                  "${PROJECT_SOURCE_DIR}/samples/cpp/read-card"
    DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples" COMPONENT dev)
install(FILES "${PROJECT_SOURCE_DIR}/samples/python/read_card.py"
    DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples" COMPONENT python)

# --- the documentation, next to the samples: a developer with the packages alone has it ---
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
    COMPONENT dev FILES_MATCHING PATTERN "*.md" PATTERN "*.schema.json"
    PATTERN "screenshots" EXCLUDE)

# --- tools --------------------------------------------------------------------------------
foreach(tool IN ITEMS cccd-read cccd-qr cccd-verify cccd-verify-sod)
    if(TARGET ${tool})
        install(TARGETS ${tool} RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT tools)
    endif()
endforeach()

# --- emulator: the card, its profile generator, the personas and the profiles built from them
if(TARGET cccd-emulator)
    install(TARGETS cccd-emulator cccd-profile-gen
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT emulator)
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/drivers/emulator/personas/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/cccd/emulator/personas" COMPONENT emulator
        FILES_MATCHING PATTERN "*.json")
    install(DIRECTORY "${PROJECT_BINARY_DIR}/profiles/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/cccd/emulator/profiles" COMPONENT emulator)
endif()

# --- kiosk: the program, its forms, a desktop entry and the autostart switch ---------------
if(TARGET cccd-kiosk)
    install(TARGETS cccd-kiosk RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT kiosk)
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/kiosk/forms/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/cccd/kiosk/forms" COMPONENT kiosk
        FILES_MATCHING PATTERN "*.json")
    install(FILES "${PROJECT_SOURCE_DIR}/packaging/kiosk/cccd-kiosk.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT kiosk)
    install(PROGRAMS "${PROJECT_SOURCE_DIR}/packaging/kiosk/cccd-kiosk-autostart"
        DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT kiosk)
endif()

# --- python: the ctypes binding over libcccd.so.0, where Debian's python3 looks -----------
if(EXISTS "${PROJECT_SOURCE_DIR}/python/cccd/__init__.py")
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/python/cccd"
        DESTINATION lib/python3/dist-packages COMPONENT python
        PATTERN "__pycache__" EXCLUDE PATTERN "*.pyc" EXCLUDE)
endif()

# CCCD_SANITIZE=address,undefined builds every target, tests included, with those sanitizers
# (scripts/sanitize.sh runs the suite so). Any report ends the process, so a test cannot pass
# over one; leak checking comes with AddressSanitizer.
if(CCCD_SANITIZE)
    add_compile_options(-fsanitize=${CCCD_SANITIZE} -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${CCCD_SANITIZE})
endif()

zftrn1 ; $ZTRNLNM of an unset and a set environment variable
 write "unset: [",$ztrnlnm("MINIM_GOLD_UNSET"),"]",!
 write "PATH nonempty: ",$length($ztrnlnm("PATH"))>0,!
 write "$d-like check: ",$ztrnlnm("MINIM_GOLD_UNSET")="",!
 quit

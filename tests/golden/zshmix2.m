zshmix2 ; ZSHOW codes are shown in the order given; "*" into a local fills several subtrees
 kill
 set q=1
 zshow "VS"
 write "--",!
 zshow "SV"
 write "--",!
 zshow "*":x
 write "D:",$data(x("D"))," V:",$data(x("V"))," S:",$data(x("S")),!
 quit

zmessage1 ; ZMESSAGE raises GT.M's error by number, its details filling the message
 do t("zmessage 150373850:""abc""")
 do t("zm 150373850")
 do t("zmessage 150373848:""warned""")
 do t("zmessage 150373853:""u5""")
 do t("zmessage 150373855")
 do t("zmessage 150373210:""extra ignored""")
 do t("zmessage 2")
 do t("zmessage 13:""ignored""")
 do t("zmessage 200")
 do t("zmessage 999999")
 do t("zmessage 1000000")
 do t("zmessage 0")
 do t("zmessage -1")
 do t("zmessage 99999999999")
 do t("zmessage 150373850.7:12.5")
 do t("zmessage ""150373850xyz"":""a""_""b""")
 do t("zmessage 150373882:-5")
 do t("zmessage 150373882:""9abc""")
 do t("zmessage 150379154:255")
 do t("zmessage 150379538:-3")
 do t("zmessage 150377738:-3:7")
 do t("zmessage 150374122:""/x/y""")
 do t("zmessage 418809578")
 do t("zmessage 150379498:""zz""")
 do t("zmessage 150373850:""one"",150372778")
 do t("zm:0 150373850")
 do t("zm:1 150373850:""pc""")
 do t("set x=""150373850:""""ind"""""" zmessage @x")
 do t("zmessage 150373850:@""y""")
 do t("zmessage 150373851:""only shown"",150373849,150373210")
 do rethrow
 do extr
 write "$ZMESSAGE:",!
 new n
 for n=2,200,1000000,0,-1,150373850,150373851,150373849,150373852,150373853,150374122,150379154,150373882,150372994,"150373850abc",1.9 write n,"=",$zmessage(n),!
 quit
t(cmd) new $etrap set $etrap="write ""  EC="",$ecode,"" ZS="",$zstatus,! set $ecode="""" quit"
 write cmd,!
 xecute cmd
 write "  no error",!
 quit
rethrow new $etrap set $etrap="write ""outer ZS="",$zstatus,"" EC="",$ecode,! set $ecode="""" quit"
 do rethrow2
 write "back in rethrow",!
 quit
rethrow2 new $etrap set $etrap="write ""inner ZS="",$zstatus,! zmessage +$zstatus"
 write undefined
 quit
extr new $etrap set $etrap="write ""extr ZS="",$zstatus,"" EC="",$ecode,! set $ecode="""" quit"
 write $$f
 write "back in extr",!
 quit
f() zmessage 150373850:"inf"
 quit 1

rtnname1 ; a caret with no routine name after it in an entry reference is RTNNAME (GBLNAME elsewhere)
 set $etrap="write $piece($zstatus,"","",2,3),"" "",$ecode,! set $ecode="""" quit"
 for i=1:1:12 do @("t"_i)
 quit
t1 write "a" do ^
t2 goto ^
t3 job ^
t4 write $$^
t5 do a^
t6 zgoto 1:^
t7 do ^1
t8 write $text(^)
t9 do t1^,t2
t10 write $$a^()
t11 do ^(1)
t12 kill ^

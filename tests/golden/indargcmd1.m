indargcmd1 ; argument indirection of IF, XECUTE and HANG: the text is the command's arguments, no more
 set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
 do t1,t2,t3,t4,t5,t6,t7,t8,t9,t10
 write "end",!
 quit
t1 set x="1" if @x write "t1 yes",! quit
t2 set x="1,0" if @x write "t2 yes",! quit
 write "t2 after",! quit
t3 set x="""write 3,!""" xecute @x quit
t4 set x="0" hang @x write "t4",! quit
t5 set a=1,x="a" if @x write "t5 yes ",$test,! quit
t6 set x="""write 6,!"",""write 7,!""" xecute @x quit
t7 set x="1 write ""INJ""" if @x write "t7",! quit
t8 set x="""write 8"" write ""INJ""" xecute @x quit
t9 set x="0 write ""INJ""" hang @x quit
t10 set x="""quit"":1" xecute @x write "t10",! quit

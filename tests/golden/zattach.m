zattach ; GT.M has no ZATTACH: UNIMPLOP, however abbreviated.
 set $etrap="write $zstatus,! set $ecode="""" quit"
 do a,b,c
 quit
a zattach "x" quit
b zatt quit
c zat "y" quit
